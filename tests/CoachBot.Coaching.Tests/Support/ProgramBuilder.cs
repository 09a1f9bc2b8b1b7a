using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Programs;

namespace CoachBot.Coaching.Tests.Support;

/// <summary>Programs and history records for tests.</summary>
internal static class ProgramBuilder
{
    public static readonly DateOnly Day0 = new(2026, 3, 2);

    public static Exercise Lift(decimal load, int reps = 8, bool back = true, decimal step = 2.5m, int sets = 3) => new()
    {
        Id = back ? "deadlift" : "row",
        LoadKg = load,
        Reps = reps,
        Sets = sets,
        RepRangeMin = 8,
        RepRangeMax = 12,
        LoadsBack = back,
        SmallestStepKg = step,
    };

    public static PatientProgram With(params Exercise[] exercises) => new() { Exercises = exercises };

    /// <summary>A history record on <paramref name="day"/> with the given pain and pain-monitoring outcome.</summary>
    public static CheckInRecord Record(DateOnly day, int painNow = 2, bool stable = true) =>
        new(day, CheckInBuilder.Calm with
        {
            PainNow = painNow,
            PainNextMorningSettled = stable,
        }, Decision.Hold, Escalation.None, ["PM-7"], ClinicalRuleSet.Version);

    /// <summary>Calm answers (the processor derives the history fields).</summary>
    public static CheckInInput Answers(string overridesJson = "{}") => CheckInBuilder.With(overridesJson);
}
