using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Tests.Support;

namespace CoachBot.Coaching.Tests.Policy;

/// <summary>The progression gate of clinical rules 1.4: progress only when every condition holds.</summary>
public class ProgressionGateTests
{
    [Fact]
    public void Decide_EveryGateConditionMet_Progresses()
    {
        var decision = CheckInBuilder.Decide(CheckInBuilder.Calm);

        Assert.Equal(Decision.Progress, decision.Decision);
        Assert.Equal(Escalation.None, decision.Escalation);
        Assert.Equal(["PR-1"], decision.RuleIds);
        Assert.Equal(["increase the load slightly"], decision.MustMention);
    }

    [Theory]
    [InlineData("""{"redFlags":["night_pain"]}""")]
    [InlineData("""{"distressText":"feeling hopeless"}""")]
    [InlineData("""{"painTypes":["sharp"]}""")]
    [InlineData("""{"painTypes":["burning"]}""")]
    [InlineData("""{"radiatesBelowKnee":true}""")]
    [InlineData("""{"painTypes":["numbness"]}""")]
    [InlineData("""{"painTypes":["radiating"],"consecutiveStableCheckIns":1}""")]
    [InlineData("""{"inFlareUp":true}""")]
    [InlineData("""{"recentSurgeryWeeks":12}""")]
    [InlineData("""{"painNow":4}""")]
    [InlineData("""{"painDuringLastSession":4}""")]
    [InlineData("""{"painNextMorningSettled":false}""")]
    [InlineData("""{"painTrendVsLastWeek":"worse"}""")]
    [InlineData("""{"sessionsCompletedLast2Weeks":3}""")]
    [InlineData("""{"consecutiveStableCheckIns":1}""")]
    public void Decide_OneGateConditionBroken_DoesNotProgress(string overrides)
    {
        var decision = CheckInBuilder.Decide(overrides);

        Assert.NotEqual(Decision.Progress, decision.Decision);
        Assert.DoesNotContain("PR-1", decision.RuleIds);
    }

    [Theory]
    [InlineData("""{"painNow":3,"painDuringLastSession":3}""")]
    [InlineData("""{"recentSurgeryWeeks":13}""")]
    [InlineData("""{"painTypes":["radiating"]}""")]
    [InlineData("""{"painTrendVsLastWeek":"better","consecutiveStableCheckIns":2,"sessionsCompletedLast2Weeks":4}""")]
    public void Decide_AtTheGateBoundary_Progresses(string overrides)
    {
        Assert.Equal(Decision.Progress, CheckInBuilder.Decide(overrides).Decision);
    }
}
