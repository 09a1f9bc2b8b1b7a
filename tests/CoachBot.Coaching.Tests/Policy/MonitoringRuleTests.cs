using CoachBot.Coaching.Tests.Support;

namespace CoachBot.Coaching.Tests.Policy;

/// <summary>PM, CX, AD, ST, PR and SO rules, one table per rule id.</summary>
public class MonitoringRuleTests
{
    [Theory]
    [InlineData("""{"painNow":9}""", true)]
    [InlineData("""{"painNow":10}""", true)]
    [InlineData("""{"painNow":8}""", false)]
    public void PM1_PainNowNineToTen_Fires(string overrides, bool fires) => RuleAssert.Fires("PM-1", overrides, fires);

    [Theory]
    [InlineData("""{"painNow":7}""", true)]
    [InlineData("""{"painNow":8}""", true)]
    [InlineData("""{"painNow":6}""", false)]
    [InlineData("""{"painNow":9}""", false)]
    public void PM2_PainNowSevenToEight_Fires(string overrides, bool fires) => RuleAssert.Fires("PM-2", overrides, fires);

    [Theory]
    [InlineData("""{"inFlareUp":true,"painNow":5}""", true)]
    [InlineData("""{"inFlareUp":false}""", false)]
    public void PM3_InFlareUp_Fires(string overrides, bool fires) => RuleAssert.Fires("PM-3", overrides, fires);

    [Theory]
    [InlineData("""{"inFlareUp":true,"painNow":0}""", true)]
    [InlineData("""{"inFlareUp":true,"painNow":2}""", true)]
    [InlineData("""{"inFlareUp":true,"painNow":3}""", false)]
    [InlineData("""{"inFlareUp":false,"painNow":0}""", false)]
    public void CX1_FlareUpWithLowPain_Fires(string overrides, bool fires) => RuleAssert.Fires("CX-1", overrides, fires);

    [Theory]
    [InlineData("""{"painNextMorningSettled":false}""", true)]
    [InlineData("""{"painNextMorningSettled":null}""", false)]
    [InlineData("""{"painNextMorningSettled":true}""", false)]
    public void PM4_NotSettledNextMorning_Fires(string overrides, bool fires) => RuleAssert.Fires("PM-4", overrides, fires);

    [Theory]
    [InlineData("""{"painTrendVsLastWeek":"worse"}""", true)]
    [InlineData("""{"painTrendVsLastWeek":"better"}""", false)]
    [InlineData("""{"painTrendVsLastWeek":null}""", false)]
    public void PM5_TrendWorse_Fires(string overrides, bool fires) => RuleAssert.Fires("PM-5", overrides, fires);

    [Theory]
    [InlineData("""{"painDuringLastSession":6}""", true)]
    [InlineData("""{"painDuringLastSession":10}""", true)]
    [InlineData("""{"painDuringLastSession":5}""", false)]
    public void PM6_SessionPainSixOrMore_Fires(string overrides, bool fires) => RuleAssert.Fires("PM-6", overrides, fires);

    [Theory]
    [InlineData("""{"painNow":4}""", true)]
    [InlineData("""{"painNow":6}""", true)]
    [InlineData("""{"painNow":3}""", false)]
    [InlineData("""{"painNow":7}""", false)]
    public void PM7_PainNowFourToSix_Fires(string overrides, bool fires) => RuleAssert.Fires("PM-7", overrides, fires);

    [Theory]
    [InlineData("""{"painDuringLastSession":4}""", true)]
    [InlineData("""{"painDuringLastSession":5}""", true)]
    [InlineData("""{"painDuringLastSession":3}""", false)]
    [InlineData("""{"painDuringLastSession":6}""", false)]
    public void PM8_SessionPainFourToFive_Fires(string overrides, bool fires) => RuleAssert.Fires("PM-8", overrides, fires);

    [Theory]
    [InlineData("""{"painDuringLastSession":null}""", true)]
    [InlineData("""{"painNextMorningSettled":null}""", true)]
    [InlineData("""{"painTrendVsLastWeek":null}""", true)]
    [InlineData("""{}""", false)]
    public void PM9_UnknownMonitoringValue_Fires(string overrides, bool fires) => RuleAssert.Fires("PM-9", overrides, fires);

    [Theory]
    [InlineData("""{"sessionsCompletedLast2Weeks":3}""", true)]
    [InlineData("""{"sessionsCompletedLast2Weeks":0}""", true)]
    [InlineData("""{"sessionsCompletedLast2Weeks":4}""", false)]
    public void AD1_FewerThanFourSessions_Fires(string overrides, bool fires) => RuleAssert.Fires("AD-1", overrides, fires);

    [Theory]
    [InlineData("""{"consecutiveStableCheckIns":1}""", true)]
    [InlineData("""{"consecutiveStableCheckIns":0}""", true)]
    [InlineData("""{"consecutiveStableCheckIns":2}""", false)]
    public void ST1_FewerThanTwoStableCheckIns_Fires(string overrides, bool fires) => RuleAssert.Fires("ST-1", overrides, fires);

    [Theory]
    [InlineData("""{}""", true)]
    [InlineData("""{"painTypes":["ache","stiffness","soreness"],"painTrendVsLastWeek":"better"}""", true)]
    [InlineData("""{"painNow":4}""", false)]
    [InlineData("""{"consecutiveStableCheckIns":1}""", false)]
    public void PR1_NoOtherDecision_Fires(string overrides, bool fires) => RuleAssert.Fires("PR-1", overrides, fires);

    [Theory]
    [InlineData("""{"painTypes":["soreness"]}""", true)]
    [InlineData("""{"painTypes":["soreness"],"painNow":8}""", true)]
    [InlineData("""{"painTypes":["soreness"],"painNow":9}""", false)]
    [InlineData("""{"painTypes":["soreness"],"redFlags":["saddle_numbness"]}""", false)]
    [InlineData("""{"painTypes":["ache"]}""", false)]
    public void SO1_SorenessAtLowEscalation_Fires(string overrides, bool fires) => RuleAssert.Fires("SO-1", overrides, fires);
}
