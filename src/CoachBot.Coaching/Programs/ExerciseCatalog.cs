namespace CoachBot.Coaching.Programs;

/// <summary>
/// The programme catalogue: a bodyweight start (box squat, hip hinge with a stick, hip bridge, supported split squat,
/// bird dog, dead bug, side plank), then bands, dumbbells or kettlebells, then barbell lifts. Full body: hips, glutes,
/// trunk and upper back. Every exercise here has a card in <c>content/exercises</c> (a content test checks it).
/// </summary>
public static class ExerciseCatalog
{
    private const Equipment FreeWeight = Equipment.Dumbbells | Equipment.Kettlebell;

    /// <summary>Every exercise, in programme order (big movements first).</summary>
    public static IReadOnlyList<ExerciseDefinition> All { get; } =
    [
        new() { Id = "box-squat", Needs = Equipment.None, LoadsBack = false, RepRangeMin = 8, RepRangeMax = 12, Harder = "goblet-squat" },
        new() { Id = "hip-hinge-stick", Needs = Equipment.None, LoadsBack = false, RepRangeMin = 8, RepRangeMax = 12, Harder = "kettlebell-deadlift" },
        new() { Id = "glute-bridge", Needs = Equipment.None, LoadsBack = false, RepRangeMin = 10, RepRangeMax = 15, Harder = "single-leg-glute-bridge" },
        new() { Id = "single-leg-glute-bridge", Needs = Equipment.None, LoadsBack = false, RepRangeMin = 6, RepRangeMax = 10, Easier = "glute-bridge" },
        new() { Id = "supported-split-squat", Needs = Equipment.None, LoadsBack = false, RepRangeMin = 6, RepRangeMax = 10, Easier = "box-squat" },
        new() { Id = "bird-dog", Needs = Equipment.None, LoadsBack = false, RepRangeMin = 6, RepRangeMax = 10 },
        new() { Id = "dead-bug", Needs = Equipment.None, LoadsBack = false, RepRangeMin = 6, RepRangeMax = 10 },
        new() { Id = "side-plank-knees", Needs = Equipment.None, LoadsBack = false, RepRangeMin = 15, RepRangeMax = 30, Harder = "side-plank" },
        new() { Id = "side-plank", Needs = Equipment.None, LoadsBack = false, RepRangeMin = 15, RepRangeMax = 30, Easier = "side-plank-knees" },
        new() { Id = "band-row", Needs = Equipment.Bands, LoadsBack = false, RepRangeMin = 10, RepRangeMax = 15 },
        new() { Id = "goblet-squat", Needs = FreeWeight, LoadsBack = true, RepRangeMin = 8, RepRangeMax = 12, StartKg = 8m, SmallestStepKg = 2m, Easier = "box-squat" },
        new() { Id = "kettlebell-deadlift", Needs = FreeWeight, LoadsBack = true, RepRangeMin = 8, RepRangeMax = 12, StartKg = 12m, SmallestStepKg = 2m, Easier = "hip-hinge-stick", Harder = "barbell-deadlift" },
        new() { Id = "supported-row", Needs = FreeWeight, LoadsBack = false, RepRangeMin = 8, RepRangeMax = 12, StartKg = 8m, SmallestStepKg = 1m },
        new() { Id = "barbell-deadlift", Needs = Equipment.BarbellAndRack, LoadsBack = true, RepRangeMin = 5, RepRangeMax = 8, StartKg = 40m, SmallestStepKg = 2.5m, Easier = "kettlebell-deadlift" },
        new() { Id = "barbell-back-squat", Needs = Equipment.BarbellAndRack, LoadsBack = true, RepRangeMin = 5, RepRangeMax = 8, StartKg = 20m, SmallestStepKg = 2.5m, Easier = "goblet-squat" },
    ];

    /// <summary>The exercise with this id, or null (a patient's own exercise is not in the catalogue).</summary>
    public static ExerciseDefinition? Find(string? id) => id is null ? null : All.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.Ordinal));

    /// <summary>The exercise with this id.</summary>
    /// <exception cref="KeyNotFoundException">The catalogue has no such exercise.</exception>
    public static ExerciseDefinition Get(string id) => Find(id) ?? throw new KeyNotFoundException($"The exercise catalogue has no '{id}'.");

    /// <summary>A new exercise of the catalogue at the bottom of its range, at <paramref name="loadKg"/> (default: its starting load).</summary>
    public static Exercise Start(string id, int sets, decimal? loadKg = null)
    {
        var definition = Get(id);
        return new Exercise
        {
            Id = definition.Id,
            LoadKg = loadKg ?? definition.StartKg,
            Reps = definition.RepRangeMin,
            Sets = sets,
            RepRangeMin = definition.RepRangeMin,
            RepRangeMax = definition.RepRangeMax,
            LoadsBack = definition.LoadsBack,
            SmallestStepKg = definition.SmallestStepKg,
        };
    }

    /// <summary>
    /// A new exercise of the catalogue for a patient's equipment: like <see cref="Start"/>, but with only kettlebells
    /// (no dumbbells) a free-weight lift moves in whole 4 kg bells.
    /// </summary>
    public static Exercise StartFor(string id, int sets, Equipment available)
    {
        var start = Start(id, sets);
        if (start.LoadKg <= 0 || !KettlebellsOnly(available) || id.StartsWith("barbell", StringComparison.Ordinal))
        {
            return start;
        }

        return start with { LoadKg = Math.Max(KettlebellStepKg, LoadSteps.RoundDown(start.LoadKg, KettlebellStepKg)), SmallestStepKg = KettlebellStepKg };
    }

    /// <summary>The step between kettlebells a patient is likely to own.</summary>
    public const decimal KettlebellStepKg = 4m;

    /// <summary>True when the patient has kettlebells but no dumbbells.</summary>
    public static bool KettlebellsOnly(Equipment available) => available.HasFlag(Equipment.Kettlebell) && !available.HasFlag(Equipment.Dumbbells);
}
