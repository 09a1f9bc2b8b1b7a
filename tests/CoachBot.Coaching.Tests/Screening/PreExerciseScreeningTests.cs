using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Programs;
using CoachBot.Coaching.Screening;

namespace CoachBot.Coaching.Tests.Screening;

/// <summary>Clinical rules 9.1 as implemented: who needs clearance, at what level, and the programme each patient starts on.</summary>
public sealed class PreExerciseScreeningTests
{
    private static readonly ScreeningAnswers Clear = new() { Age = 35, RedFlags = new HashSet<RedFlag> { RedFlag.None } };

    [Fact]
    public void NothingReported_NeedsNoClearance() => Assert.False(PreExerciseScreening.Evaluate(Clear).NeedsClearance);

    [Theory]
    [InlineData(5, "SX-1")]
    [InlineData(0, "SX-1")]
    [InlineData(6, "SX-1")]
    [InlineData(7, "SX-2")]
    [InlineData(12, "SX-2")]
    public void RecentBackSurgery_FiresTheSurgeryRules(int weeks, string rule)
    {
        var result = PreExerciseScreening.Evaluate(Clear with { SurgeryWeeksAgo = weeks });
        Assert.Equal([rule], result.RuleIds);
        Assert.Equal(Escalation.Routine, result.Escalation);
    }

    [Fact]
    public void EachHistoryItem_HoldsForClearance_AtRoutine()
    {
        Assert.Equal(["PS-2"], PreExerciseScreening.Evaluate(Clear with { PregnantOrRecentBirth = true }).RuleIds);
        Assert.Equal(["PS-3"], PreExerciseScreening.Evaluate(Clear with { OsteoporosisOrSteroids = true }).RuleIds);
        Assert.Equal(["PS-4"], PreExerciseScreening.Evaluate(Clear with { PastCancer = true }).RuleIds);
        Assert.Equal(["PS-1"], PreExerciseScreening.Evaluate(Clear with { GeneralHealthConcern = true }).RuleIds);
        Assert.Equal(["PS-6"], PreExerciseScreening.Evaluate(Clear with { KnownSpinalCondition = true }).RuleIds);
        Assert.Equal(["SX-3"], PreExerciseScreening.Evaluate(Clear with { SpinalInjection = true }).RuleIds);
    }

    [Theory]
    [InlineData(55, true, true)]
    [InlineData(55, false, false)]
    [InlineData(17, true, true)]
    [InlineData(40, true, false)]
    public void AgeFlag_NeedsNewOrDifferentPain(int age, bool newPain, bool fires) =>
        Assert.Equal(fires, PreExerciseScreening.Evaluate(Clear with { Age = age, NewOrDifferentPain = newPain }).RuleIds.Contains("PS-5"));

    [Fact]
    public void RedFlags_KeepTheirLevels_AndPastCancerWithNightPainIsRf4()
    {
        Assert.Equal(Escalation.Emergency, PreExerciseScreening.Evaluate(Clear with { RedFlags = new HashSet<RedFlag> { RedFlag.SaddleNumbness } }).Escalation);
        Assert.Equal(Escalation.Urgent, PreExerciseScreening.Evaluate(Clear with { RedFlags = new HashSet<RedFlag> { RedFlag.Fever } }).Escalation);
        var cancerAtNight = PreExerciseScreening.Evaluate(Clear with { PastCancer = true, RedFlags = new HashSet<RedFlag> { RedFlag.NightPain } });
        Assert.Equal(["RF-4"], cancerAtNight.RuleIds);
        Assert.Equal(Escalation.Urgent, cancerAtNight.Escalation);
    }

    [Fact]
    public void Beginner_WithNothing_GetsTheBodyweightStart()
    {
        var program = StarterProgram.Create(StartBackRisk.Medium, Equipment.None, TrainingExperience.None);
        Assert.Equal(StarterProgram.BodyweightStart, program.Exercises.Select(e => e.Id));
        Assert.All(program.Exercises, e => Assert.Equal(0m, e.LoadKg));
    }

    [Fact]
    public void KettlebellAndTwoYears_StartsLoaded_InKettlebellSteps()
    {
        var program = StarterProgram.Create(StartBackRisk.Medium, Equipment.Kettlebell, TrainingExperience.AYearOrMore);
        var deadlift = program.Exercises.Single(e => e.Id == "kettlebell-deadlift");
        Assert.Equal(16m, deadlift.LoadKg);
        Assert.Equal(4m, deadlift.SmallestStepKg);
    }

    [Fact]
    public void BarbellAndAGoodRecord_StartsWithBarbellLifts_ButABeginnerWithABarbellDoesNot()
    {
        Assert.Contains(StarterProgram.Create(StartBackRisk.Low, Equipment.Gym, TrainingExperience.AYearOrMore).Exercises, e => e.Id == "barbell-deadlift");
        Assert.DoesNotContain(StarterProgram.Create(StartBackRisk.Low, Equipment.Gym, TrainingExperience.None).Exercises, e => e.LoadKg > 0);
    }

    [Fact]
    public void BodyweightAtTheTopOfItsRange_SwapsToTheHarderVersion_OnlyWithTheEquipmentForIt()
    {
        var today = new DateOnly(2026, 3, 2);
        var bridge = ExerciseCatalog.Start("glute-bridge", 2) with { Reps = 15 };
        var hinge = ExerciseCatalog.Start("hip-hinge-stick", 2) with { Reps = 12 };

        Assert.Equal("single-leg-glute-bridge", Progression.Next(bridge, today, [], Equipment.None).Id);
        Assert.Equal("hip-hinge-stick", Progression.Next(hinge, today, [], Equipment.None).Id);
        Assert.Equal("kettlebell-deadlift", Progression.Next(hinge, today, [], Equipment.Kettlebell).Id);
    }
}
