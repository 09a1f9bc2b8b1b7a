namespace CoachBot.Coaching.Programs;

/// <summary>The next training prescription after a decision.</summary>
public sealed record Prescription
{
    /// <summary>The program phase the prescription belongs to.</summary>
    public required ProgramPhase Phase { get; init; }

    /// <summary>The return-ladder step (1-3) when on the ladder, or the step training will resume at when paused; else null.</summary>
    public int? LadderStep { get; init; }

    /// <summary>False when loaded strength training is paused (keep gently active instead).</summary>
    public required bool TrainingAllowed { get; init; }

    /// <summary>The exercises for the next session; empty when training is not allowed.</summary>
    public required IReadOnlyList<ExerciseDose> Exercises { get; init; }

    /// <summary>Plain developer/coach-facing notes on how the prescription was made.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
