using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Tests.Support;

namespace CoachBot.Coaching.Tests.Policy;

/// <summary>The combining rules of clinical rules 1.2.</summary>
public class CombinationTests
{
    [Fact]
    public void Decide_EmergencyWithLowerRules_MentionsOnlyEmergencyTokens()
    {
        var decision = CheckInBuilder.Decide("""{"redFlags":["bladder_bowel"],"painDuringLastSession":7,"sessionsCompletedLast2Weeks":1}""");

        Assert.Equal(Decision.Pause, decision.Decision);
        Assert.Equal(Escalation.Emergency, decision.Escalation);
        Assert.Equal(["seek emergency care", "stop the exercise"], decision.MustMention);
        Assert.Equal(["RF-1", "PM-6", "AD-1"], decision.RuleIds);
    }

    [Fact]
    public void Decide_UrgentWithRoutineRules_MentionsOnlyUrgentTokens()
    {
        var decision = CheckInBuilder.Decide("""{"redFlags":["fever"],"painNow":7,"painTypes":["sharp"]}""");

        Assert.Equal(Escalation.Urgent, decision.Escalation);
        Assert.Equal(["see a doctor today"], decision.MustMention);
    }

    [Fact]
    public void Decide_SelfHarmUnderEmergency_KeepsDsTokens()
    {
        var decision = CheckInBuilder.Decide("""{"redFlags":["saddle_numbness"],"distressText":"I'm not suicidal"}""");

        Assert.Equal(Escalation.Emergency, decision.Escalation);
        Assert.Equal(["seek emergency care", "crisis line", "coach will contact you", "stop the exercise"], decision.MustMention);
        Assert.Equal(["DS-2", "RF-1"], decision.RuleIds);
    }

    [Fact]
    public void Decide_ImminentSelfHarm_KeepsDs1AndDs2Tokens()
    {
        var decision = CheckInBuilder.Decide("""{"distressText":"I am going to end my life tonight","painNow":9}""");

        Assert.Equal(Escalation.Emergency, decision.Escalation);
        Assert.Equal(["seek emergency care", "crisis line", "coach will contact you"], decision.MustMention);
        Assert.DoesNotContain("see a doctor today", decision.MustMention);
    }

    [Fact]
    public void Decide_PauseWithLowAdherence_DropsTrainTwoToThreeTimes()
    {
        var decision = CheckInBuilder.Decide("""{"inFlareUp":true,"painNow":5,"sessionsCompletedLast2Weeks":1}""");

        Assert.Equal(Decision.Pause, decision.Decision);
        Assert.Contains("AD-1", decision.RuleIds);
        Assert.DoesNotContain(MessageTokens.Train2To3TimesAWeek, decision.MustMention);
    }

    [Fact]
    public void Decide_HoldWithLowAdherence_KeepsTrainTwoToThreeTimes()
    {
        var decision = CheckInBuilder.Decide("""{"sessionsCompletedLast2Weeks":1}""");

        Assert.Equal(Decision.Hold, decision.Decision);
        Assert.Equal([MessageTokens.Train2To3TimesAWeek], decision.MustMention);
    }

    [Fact]
    public void Decide_RoutineEscalation_UsesEveryFiredToken()
    {
        var decision = CheckInBuilder.Decide("""{"painTypes":["sharp","soreness"],"painDuringLastSession":6}""");

        Assert.Equal(Escalation.Routine, decision.Escalation);
        Assert.Equal(["stop the exercise", "reduce the load", "soreness is normal"], decision.MustMention);
    }

    [Theory]
    [InlineData("""{"painTypes":["soreness"]}""", true)]
    [InlineData("""{"painTypes":["soreness"],"painNow":7}""", true)]
    [InlineData("""{"painTypes":["soreness"],"redFlags":["recent_trauma"]}""", false)]
    [InlineData("""{"painTypes":["soreness"],"distressText":"I want to die"}""", false)]
    public void Decide_Soreness_MentionedOnlyAtNoneOrRoutine(string overrides, bool mentioned)
    {
        var decision = CheckInBuilder.Decide(overrides);

        Assert.Equal(mentioned, decision.MustMention.Contains(MessageTokens.SorenessIsNormal));
        Assert.Equal(mentioned, decision.RuleIds.Contains("SO-1"));
    }

    [Fact]
    public void Decide_FlareUpWithNoPain_PausesAndAsksToConfirm()
    {
        var decision = CheckInBuilder.Decide("""{"inFlareUp":true,"painNow":0}""");

        Assert.Equal(Decision.Pause, decision.Decision);
        Assert.Equal(["PM-3", "CX-1"], decision.RuleIds);
        Assert.Equal(["keep moving gently", "flare-up plan", "confirm flare-up status"], decision.MustMention);
    }

    [Fact]
    public void Decide_NoneWithRealFlag_ActsOnTheFlag()
    {
        var decision = CheckInBuilder.Decide("""{"redFlags":["none","fever"]}""");

        Assert.Equal(["RF-2"], decision.RuleIds);
        Assert.Equal(Escalation.Urgent, decision.Escalation);
    }

    [Fact]
    public void Decide_HoldAndPauseRules_TakesPause()
    {
        var decision = CheckInBuilder.Decide("""{"painNow":5,"painNextMorningSettled":false}""");

        Assert.Equal(Decision.Pause, decision.Decision);
        Assert.Equal(["PM-4", "PM-7"], decision.RuleIds);
    }

    [Fact]
    public void Decide_AnyHoldRule_NeverAddsProgress()
    {
        var decision = CheckInBuilder.Decide("""{"painDuringLastSession":4}""");

        Assert.Equal(Decision.Hold, decision.Decision);
        Assert.DoesNotContain("PR-1", decision.RuleIds);
        Assert.DoesNotContain(MessageTokens.IncreaseTheLoadSlightly, decision.MustMention);
    }

    [Fact]
    public void Decide_OutOfRangeInputBuiltInCode_ThrowsNamingTheField()
    {
        var input = CheckInBuilder.Calm with { PainNow = 11 };

        var error = Assert.Throws<CoachBot.Coaching.CheckIns.CheckInFormatException>(() => CheckInBuilder.Decide(input));

        Assert.Equal("painNow", error.Field);
    }
}
