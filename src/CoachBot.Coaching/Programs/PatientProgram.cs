namespace CoachBot.Coaching.Programs;

/// <summary>
/// A patient's training program and the history the rules need. Immutable: the planner returns updated copies.
/// Lists are oldest first. The history is trimmed to what the rules read (<see cref="PatientHistory.Retain"/>): the
/// patient's full record of check-ins is the append-only check-in log, not this program.
/// </summary>
public sealed record PatientProgram
{
    /// <summary>The exercises at their working (100%) prescription.</summary>
    public required IReadOnlyList<Exercise> Exercises { get; init; }

    /// <summary>What the patient can train with; swaps to a harder exercise only use this. Null in programs saved before it was asked (bodyweight swaps only).</summary>
    public Equipment? Equipment { get; init; }

    /// <summary>The current phase.</summary>
    public ProgramPhase Phase { get; init; } = ProgramPhase.Normal;

    /// <summary>On the ladder: the current step (1-3). When paused: the step to resume at. Otherwise 0.</summary>
    public int LadderStep { get; init; }

    /// <summary>The first day of the current pause, when paused.</summary>
    public DateOnly? PausedSince { get; init; }

    /// <summary>Recent check-ins and their decisions, oldest first (see <see cref="PatientHistory.Retain"/>).</summary>
    public IReadOnlyList<CheckInRecord> CheckIns { get; init; } = [];

    /// <summary>
    /// The check-ins in a row, newest backwards, that met every pain-monitoring rule. Kept as a count because
    /// <see cref="CheckIns"/> is trimmed; null in programs saved before the count was kept, which are then counted
    /// from <see cref="CheckIns"/> (see <see cref="PatientHistory.ConsecutiveStableCheckIns"/>).
    /// </summary>
    public int? StableRun { get; init; }

    /// <summary>Recent days on which a training session was completed, oldest first (see <see cref="PatientHistory.RetainSessions"/>).</summary>
    public IReadOnlyList<DateOnly> Sessions { get; init; } = [];

    /// <summary>Returns a copy with one more completed session; sessions too old for any rule are dropped.</summary>
    public PatientProgram WithSession(DateOnly day) => this with { Sessions = PatientHistory.RetainSessions([.. Sessions, day]) };

    /// <summary>
    /// Returns a copy with one more check-in: the stable run counted on, and the check-ins no rule can read any more
    /// dropped. Call it on the program as planned for this check-in, so that a pause starting today is known.
    /// </summary>
    public PatientProgram WithCheckIn(CheckInRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var run = PainMonitoring.IsMet(record.Input) ? PatientHistory.ConsecutiveStableCheckIns(this) + 1 : 0;
        return this with { CheckIns = PatientHistory.Retain([.. CheckIns, record], PausedSince), StableRun = run };
    }
}
