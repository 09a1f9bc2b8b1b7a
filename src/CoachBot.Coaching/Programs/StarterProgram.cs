using CoachBot.Coaching.Screening;

namespace CoachBot.Coaching.Programs;

/// <summary>
/// The program a new patient starts on (clinical rules 8.1: 2-3 sessions a week, large multi-joint lifts first).
/// High STarT Back risk starts lighter (10.2: a slower start, not fewer sessions); low risk gets a third set.
/// These are defaults a coach can change. <see cref="Create(StartBackRisk, Equipment, TrainingExperience)"/> starts
/// where the patient is: bodyweight for beginners, free weights or bands next, barbell lifts for a good record.
/// </summary>
public static class StarterProgram
{
    /// <summary>The bodyweight start (full body: legs and hips, trunk; a band row for the upper back when there are bands).</summary>
    public static IReadOnlyList<string> BodyweightStart { get; } =
        ["box-squat", "hip-hinge-stick", "glute-bridge", "supported-split-squat", "bird-dog", "dead-bug", "side-plank-knees"];

    private static readonly string[] BarbellAccessories = ["glute-bridge", "bird-dog", "side-plank-knees"];
    private static readonly string[] FreeWeightAccessories = ["glute-bridge", "bird-dog", "dead-bug", "side-plank-knees"];

    /// <summary>
    /// The starter program for the patient's equipment and experience. No experience, or nothing to load with:
    /// bodyweight. Less than a year with dumbbells or a kettlebell: light loaded lifts plus bodyweight trunk work. A
    /// year or more: loaded lifts, and barbell deadlift and squat when there is a barbell and rack. Always 2 sets (about
    /// 30 minutes); high STarT Back risk starts at half the load, low risk adds a set to the loaded lifts.
    /// </summary>
    public static PatientProgram Create(StartBackRisk risk, Equipment equipment, TrainingExperience experience)
    {
        var freeWeights = (equipment & (Equipment.Dumbbells | Equipment.Kettlebell)) != 0;
        var barbell = (equipment & Equipment.BarbellAndRack) != 0;
        var loadFactor = risk == StartBackRisk.High ? 0.5m : 1m;
        var loadedSets = risk == StartBackRisk.Low && experience == TrainingExperience.AYearOrMore ? 3 : 2;
        var kettlebellOnly = (equipment & Equipment.Kettlebell) != 0 && (equipment & Equipment.Dumbbells) == 0;
        Exercise Loaded(string id, decimal kg)
        {
            var start = ExerciseCatalog.Start(id, loadedSets);
            var step = kettlebellOnly && !id.StartsWith("barbell", StringComparison.Ordinal) ? 4m : start.SmallestStepKg;
            return start with { LoadKg = Math.Max(step, LoadSteps.RoundDown(kg * loadFactor, step)), SmallestStepKg = step };
        }

        Exercise Bodyweight(string id) => ExerciseCatalog.Start(id, 2);

        List<Exercise> exercises;
        if (experience == TrainingExperience.AYearOrMore && barbell)
        {
            exercises = [Loaded("barbell-deadlift", 40m), Loaded("barbell-back-squat", 20m)];
            exercises.Add(freeWeights ? Loaded("supported-row", 12m) : Bodyweight(equipment.HasFlag(Equipment.Bands) ? "band-row" : "supported-split-squat"));
            exercises.AddRange(BarbellAccessories.Select(Bodyweight));
        }
        else if (experience != TrainingExperience.None && freeWeights)
        {
            var years = experience == TrainingExperience.AYearOrMore;
            exercises = [Loaded("kettlebell-deadlift", years ? 16m : 12m), Loaded("goblet-squat", years ? 12m : 8m), Loaded("supported-row", years ? 12m : 8m)];
            exercises.AddRange(FreeWeightAccessories.Select(Bodyweight));
        }
        else
        {
            exercises = [.. BodyweightStart.Select(Bodyweight)];
            if (equipment.HasFlag(Equipment.Bands))
            {
                exercises.Add(Bodyweight("band-row"));
            }
        }

        return new PatientProgram { Exercises = exercises, Equipment = equipment };
    }

    /// <summary>Creates the starter program for a STarT Back risk group.</summary>
    public static PatientProgram Create(StartBackRisk risk)
    {
        var sets = risk == StartBackRisk.Low ? 3 : 2;
        var loadFactor = risk == StartBackRisk.High ? 0.5m : 1m;
        Exercise Lift(string id, decimal load, int min, int max, bool back, decimal step) => new()
        {
            Id = id,
            LoadKg = LoadSteps.RoundDown(load * loadFactor, step),
            Reps = min,
            Sets = sets,
            RepRangeMin = min,
            RepRangeMax = max,
            LoadsBack = back,
            SmallestStepKg = step,
        };

        return new PatientProgram
        {
            Exercises =
            [
                Lift("kettlebell-deadlift", 12m, 8, 12, back: true, step: 2m),
                Lift("goblet-squat", 8m, 8, 12, back: true, step: 2m),
                Lift("supported-row", 8m, 8, 12, back: false, step: 1m),
                Lift("glute-bridge", 0m, 10, 15, back: false, step: 1m),
                Lift("bird-dog", 0m, 6, 10, back: false, step: 1m),
            ],
        };
    }
}
