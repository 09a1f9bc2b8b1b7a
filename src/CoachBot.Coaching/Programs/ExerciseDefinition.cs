namespace CoachBot.Coaching.Programs;

/// <summary>
/// One exercise of the programme catalogue: what it needs, where it sits in the programme, its dose range, and the
/// easier and harder exercises a plan can swap to (clinical rules 8). The id is also the content key of its card.
/// </summary>
public sealed record ExerciseDefinition
{
    /// <summary>The id (for example <c>glute-bridge</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Any one of these is enough to do it; <see cref="Equipment.None"/> for bodyweight.</summary>
    public required Equipment Needs { get; init; }

    /// <summary>True for lifts that load the back (deadlift, squat): smaller load steps.</summary>
    public required bool LoadsBack { get; init; }

    /// <summary>Bottom of the rep range (or seconds for a hold).</summary>
    public required int RepRangeMin { get; init; }

    /// <summary>Top of the rep range (or seconds for a hold).</summary>
    public required int RepRangeMax { get; init; }

    /// <summary>The starting load in kilograms for a new lifter (0 = bodyweight or band).</summary>
    public decimal StartKg { get; init; }

    /// <summary>The smallest load change the equipment allows.</summary>
    public decimal SmallestStepKg { get; init; } = 1m;

    /// <summary>The easier exercise a plan can swap to, when there is one in the catalogue.</summary>
    public string? Easier { get; init; }

    /// <summary>The harder exercise a plan can swap to at the top of the range, when there is one in the catalogue.</summary>
    public string? Harder { get; init; }

    /// <summary>True when the patient has what the exercise needs.</summary>
    public bool FitsEquipment(Equipment available) => Needs == Equipment.None || (Needs & available) != 0;
}
