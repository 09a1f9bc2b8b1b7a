using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Programs;
using static CoachBot.Coaching.Tests.Support.ProgramBuilder;

namespace CoachBot.Coaching.Tests.Programs;

public class PatientHistoryTests
{
    [Theory]
    [InlineData(5.0, 3.0, PainTrend.Better)]
    [InlineData(3.0, 2.0, PainTrend.Better)]
    [InlineData(2.0, 1.4, PainTrend.Better)]
    [InlineData(5.0, 4.0, PainTrend.Same)]
    [InlineData(3.0, 3.5, PainTrend.Same)]
    [InlineData(0.0, 0.0, PainTrend.Same)]
    [InlineData(3.0, 4.0, PainTrend.Worse)]
    [InlineData(1.0, 6.0, PainTrend.Worse)]
    public void Trend_WeeklyMeans_FollowSectionFive(double lastWeek, double thisWeek, PainTrend expected)
    {
        Assert.Equal(expected, PatientHistory.Trend(lastWeek, thisWeek));
    }

    [Fact]
    public void TrendVsLastWeek_NoCheckInsLastWeek_IsNull()
    {
        var program = With(Lift(40)) with { CheckIns = [Record(Day0.AddDays(-2), painNow: 5)] };

        Assert.Null(PatientHistory.TrendVsLastWeek(program, Day0, painNow: 1));
    }

    [Fact]
    public void TrendVsLastWeek_MeansOfTwoWeeks_ComparesThem()
    {
        var program = With(Lift(40)) with
        {
            CheckIns = [Record(Day0.AddDays(-20), 9), Record(Day0.AddDays(-10), 4), Record(Day0.AddDays(-8), 6), Record(Day0.AddDays(-3), 6)],
        };

        Assert.Equal(PainTrend.Worse, PatientHistory.TrendVsLastWeek(program, Day0, painNow: 6));
        Assert.Equal(PainTrend.Better, PatientHistory.TrendVsLastWeek(program, Day0, painNow: 0));
        Assert.Equal(PainTrend.Same, PatientHistory.TrendVsLastWeek(program, Day0, painNow: 4));
    }

    [Fact]
    public void ConsecutiveStableCheckIns_CountsBackToTheFirstUnstable()
    {
        var program = With(Lift(40)) with
        {
            CheckIns = [Record(Day0.AddDays(-9)), Record(Day0.AddDays(-6), stable: false), Record(Day0.AddDays(-3)), Record(Day0.AddDays(-1))],
        };

        Assert.Equal(2, PatientHistory.ConsecutiveStableCheckIns(program));
    }

    [Fact]
    public void SessionsCompletedLast2Weeks_CountsFourteenDaysIncludingToday()
    {
        var program = With(Lift(40)) with { Sessions = [Day0.AddDays(-14), Day0.AddDays(-13), Day0.AddDays(-5), Day0, Day0.AddDays(1)] };

        Assert.Equal(3, PatientHistory.SessionsCompletedLast2Weeks(program, Day0));
    }

    [Fact]
    public void Complete_NotAsked_DerivesFromHistoryButKeepsStatedTrend()
    {
        var program = With(Lift(40)) with
        {
            CheckIns = [Record(Day0.AddDays(-9), 6), Record(Day0.AddDays(-2), 2)],
            Sessions = [Day0.AddDays(-3), Day0.AddDays(-1)],
        };

        var derived = PatientHistory.Complete(Answers("""{"painTrendVsLastWeek":null,"painNow":2,"consecutiveStableCheckIns":9}"""), program, Day0);
        var stated = PatientHistory.Complete(Answers("""{"painTrendVsLastWeek":"worse"}"""), program, Day0);

        Assert.Equal(PainTrend.Better, derived.PainTrendVsLastWeek);
        Assert.Equal(2, derived.ConsecutiveStableCheckIns);
        Assert.Equal(2, derived.SessionsCompletedLast2Weeks);
        Assert.Equal(PainTrend.Worse, stated.PainTrendVsLastWeek);
    }
}
