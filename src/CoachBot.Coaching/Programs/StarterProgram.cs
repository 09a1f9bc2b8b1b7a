using CoachBot.Coaching.Screening;

namespace CoachBot.Coaching.Programs;

/// <summary>
/// The program a new patient starts on (clinical rules 8.1: 2-3 sessions a week, large multi-joint lifts first).
/// High STarT Back risk starts lighter (10.2: a slower start, not fewer sessions); low risk gets a third set.
/// These are defaults a coach can change.
/// </summary>
public static class StarterProgram
{
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
