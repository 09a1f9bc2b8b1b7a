namespace CoachBot.Coaching.Programs;

/// <summary>
/// A patient's training program and the history the rules need. Immutable: the planner returns updated copies.
/// Lists are oldest first.
/// </summary>
public sealed record PatientProgram
{
    /// <summary>The exercises at their working (100%) prescription.</summary>
    public required IReadOnlyList<Exercise> Exercises { get; init; }

    /// <summary>The current phase.</summary>
    public ProgramPhase Phase { get; init; } = ProgramPhase.Normal;

    /// <summary>On the ladder: the current step (1-3). When paused: the step to resume at. Otherwise 0.</summary>
    public int LadderStep { get; init; }

    /// <summary>The first day of the current pause, when paused.</summary>
    public DateOnly? PausedSince { get; init; }

    /// <summary>Past check-ins and their decisions, oldest first.</summary>
    public IReadOnlyList<CheckInRecord> CheckIns { get; init; } = [];

    /// <summary>Days on which a training session was completed, oldest first.</summary>
    public IReadOnlyList<DateOnly> Sessions { get; init; } = [];

    /// <summary>Returns a copy with one more completed session.</summary>
    public PatientProgram WithSession(DateOnly day) => this with { Sessions = [.. Sessions, day] };
}
