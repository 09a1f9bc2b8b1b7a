using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Screening;

namespace CoachBot.Coaching.Tests.Screening;

public class StartBackTests
{
    [Theory]
    [InlineData("00000000", Bothersomeness.NotAtAll, 0, 0, StartBackRisk.Low)]
    [InlineData("11100000", Bothersomeness.Moderately, 3, 0, StartBackRisk.Low)]
    [InlineData("11110000", Bothersomeness.Slightly, 4, 0, StartBackRisk.Medium)]
    [InlineData("11101000", Bothersomeness.VeryMuch, 5, 2, StartBackRisk.Medium)]
    [InlineData("11111100", Bothersomeness.Extremely, 7, 3, StartBackRisk.Medium)]
    [InlineData("00001110", Bothersomeness.VeryMuch, 4, 4, StartBackRisk.High)]
    [InlineData("00001111", Bothersomeness.NotAtAll, 4, 4, StartBackRisk.High)]
    [InlineData("11111111", Bothersomeness.Extremely, 9, 5, StartBackRisk.High)]
    [InlineData("00001110", Bothersomeness.Moderately, 3, 3, StartBackRisk.Low)]
    public void Score_Answers_GivesTotalSubscaleAndRisk(string items, Bothersomeness item9, int total, int psychosocial, StartBackRisk risk)
    {
        var result = StartBack.Score(items.Select(c => c == '1').ToArray(), item9);

        Assert.Equal(new StartBackResult(total, psychosocial, risk), result);
    }

    [Fact]
    public void Score_WrongItemCount_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => StartBack.Score([true, false], Bothersomeness.Slightly));

        Assert.Contains("exactly 8", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StartBackRisk.Low)]
    [InlineData(StartBackRisk.Medium)]
    public void Finding_LowOrMediumRisk_NothingForACoach(StartBackRisk risk)
    {
        Assert.Null(StartBack.Finding(new StartBackResult(4, 2, risk)));
    }

    [Fact]
    public void Finding_HighRisk_IsTheRoutineStartBackEscalationWithTheScores()
    {
        var finding = StartBack.Finding(StartBack.Score([false, false, false, false, true, true, true, true], Bothersomeness.VeryMuch));

        Assert.NotNull(finding);
        Assert.Equal(RuleTable.StartBackHigh, finding.RuleId);
        Assert.Equal(Escalation.Routine, finding.Escalation);
        Assert.Equal("STarT Back high risk (total 5, psychosocial 5)", finding.Reason);
    }
}
