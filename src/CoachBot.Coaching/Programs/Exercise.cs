namespace CoachBot.Coaching.Programs;

/// <summary>One exercise of a program at its working (100%) prescription.</summary>
public sealed record Exercise
{
    /// <summary>A stable id, also the content key for its name and instructions (for example <c>goblet-squat</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Working load in kilograms; 0 for a bodyweight exercise (progressed by reps only).</summary>
    public required decimal LoadKg { get; init; }

    /// <summary>Target repetitions per set.</summary>
    public required int Reps { get; init; }

    /// <summary>Working sets.</summary>
    public required int Sets { get; init; }

    /// <summary>Bottom of the repetition range for double progression.</summary>
    public required int RepRangeMin { get; init; }

    /// <summary>Top of the repetition range: reaching it lets the load go up (double progression, 8.2).</summary>
    public required int RepRangeMax { get; init; }

    /// <summary>True for lifts that load the back (deadlift, squat): load steps of 2-5% instead of up to 10%.</summary>
    public required bool LoadsBack { get; init; }

    /// <summary>The smallest load change the equipment allows (smallest plate pair, next dumbbell); loads are multiples of it.</summary>
    public decimal SmallestStepKg { get; init; } = 1m;

    /// <summary>The last day any variable (reps or load) was increased; at most one increase per week.</summary>
    public DateOnly? LastIncreaseOn { get; init; }
}
