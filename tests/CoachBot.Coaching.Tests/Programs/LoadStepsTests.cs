using CoachBot.Coaching.Programs;
using static CoachBot.Coaching.Tests.Support.ProgramBuilder;

namespace CoachBot.Coaching.Tests.Programs;

public class LoadStepsTests
{
    [Theory]
    [InlineData(60, true, 2.5, 62.5)]
    [InlineData(100, true, 2.5, 105)]
    [InlineData(12, true, 2, 14)]
    [InlineData(20, false, 1, 22)]
    [InlineData(30, false, 2.5, 32.5)]
    [InlineData(8, false, 1, 9)]
    public void NextLoad_BackOrOther_StaysWithinStepLimitsOrOnePlate(double load, bool back, double step, double expected)
    {
        var exercise = Lift((decimal)load, back: back, step: (decimal)step);

        var next = LoadSteps.NextLoad(exercise);

        Assert.Equal((decimal)expected, next);
        var increase = (next - exercise.LoadKg) / exercise.LoadKg;
        Assert.True(increase <= (back ? 0.05m : 0.10m) || next - exercise.LoadKg == exercise.SmallestStepKg);
    }

    [Fact]
    public void Deload_LoadedLift_CutsAboutFifteenPercentToThePlate()
    {
        var deloaded = LoadSteps.Deload(Lift(40));

        Assert.Equal(32.5m, deloaded.LoadKg);
        Assert.Equal(3, deloaded.Sets);
    }

    [Fact]
    public void Deload_PlatesTooCoarse_DropsOneSetInstead()
    {
        var deloaded = LoadSteps.Deload(Lift(12, step: 4));

        Assert.Equal(12m, deloaded.LoadKg);
        Assert.Equal(2, deloaded.Sets);
    }

    [Fact]
    public void Deload_Bodyweight_DropsOneSet()
    {
        Assert.Equal(2, LoadSteps.Deload(Lift(0)).Sets);
    }

    [Theory]
    [InlineData(1, 20)]
    [InlineData(2, 30)]
    [InlineData(3, 40)]
    public void Scaled_LadderStep_IsFiftySeventyFiveHundredPercent(int step, double expectedLoad)
    {
        var dose = LoadSteps.Scaled(Lift(40), ReturnLadder.Fraction(step));

        Assert.Equal((decimal)expectedLoad, dose.LoadKg);
    }

    [Fact]
    public void Scaled_Bodyweight_ScalesReps()
    {
        Assert.Equal(5, LoadSteps.Scaled(Lift(0, reps: 10), 0.5m).Reps);
    }
}
