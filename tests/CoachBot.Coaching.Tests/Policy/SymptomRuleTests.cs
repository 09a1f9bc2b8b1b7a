using CoachBot.Coaching.Tests.Support;

namespace CoachBot.Coaching.Tests.Policy;

/// <summary>SX and NP rules, one table per rule id. The calm baseline is known-stable (3 stable check-ins, trend same).</summary>
public class SymptomRuleTests
{
    [Theory]
    [InlineData("""{"recentSurgeryWeeks":0}""", true)]
    [InlineData("""{"recentSurgeryWeeks":6}""", true)]
    [InlineData("""{"recentSurgeryWeeks":7}""", false)]
    [InlineData("""{"recentSurgeryWeeks":null}""", false)]
    [InlineData("""{"recentSurgeryWeeks":5,"surgeryCleared":false}""", true)]
    [InlineData("""{"recentSurgeryWeeks":5,"surgeryCleared":true}""", false)]
    [InlineData("""{"recentSurgeryWeeks":0,"surgeryCleared":true}""", false)]
    public void SX1_SurgeryWithinSixWeeks_Fires(string overrides, bool fires) => RuleAssert.Fires("SX-1", overrides, fires);

    [Theory]
    [InlineData("""{"recentSurgeryWeeks":7}""", true)]
    [InlineData("""{"recentSurgeryWeeks":12}""", true)]
    [InlineData("""{"recentSurgeryWeeks":6}""", false)]
    [InlineData("""{"recentSurgeryWeeks":13}""", false)]
    [InlineData("""{"recentSurgeryWeeks":5,"surgeryCleared":true}""", true)]
    [InlineData("""{"recentSurgeryWeeks":12,"surgeryCleared":true}""", true)]
    [InlineData("""{"recentSurgeryWeeks":13,"surgeryCleared":true}""", false)]
    [InlineData("""{"surgeryCleared":true}""", false)]
    public void SX2_SurgerySevenToTwelveWeeks_Fires(string overrides, bool fires) => RuleAssert.Fires("SX-2", overrides, fires);

    [Theory]
    [InlineData("""{"radiatesBelowKnee":true,"consecutiveStableCheckIns":1}""", true)]
    [InlineData("""{"painTypes":["numbness"],"painTrendVsLastWeek":"worse"}""", true)]
    [InlineData("""{"painTypes":["numbness"],"painTrendVsLastWeek":null}""", true)]
    [InlineData("""{"radiatesBelowKnee":true}""", false)]
    [InlineData("""{"painTypes":["radiating"],"consecutiveStableCheckIns":0}""", false)]
    public void NP1_RadicularNotKnownStable_Fires(string overrides, bool fires) => RuleAssert.Fires("NP-1", overrides, fires);

    [Theory]
    [InlineData("""{"radiatesBelowKnee":true}""", true)]
    [InlineData("""{"painTypes":["numbness"],"painTrendVsLastWeek":"better","consecutiveStableCheckIns":2}""", true)]
    [InlineData("""{"radiatesBelowKnee":true,"consecutiveStableCheckIns":1}""", false)]
    [InlineData("""{"painTypes":["radiating"]}""", false)]
    public void NP2_RadicularKnownStable_Fires(string overrides, bool fires) => RuleAssert.Fires("NP-2", overrides, fires);

    [Theory]
    [InlineData("""{"painTypes":["sharp"]}""", true)]
    [InlineData("""{"painTypes":["ache","sharp","soreness"]}""", true)]
    [InlineData("""{"painTypes":["ache"]}""", false)]
    public void NP3_SharpPain_Fires(string overrides, bool fires) => RuleAssert.Fires("NP-3", overrides, fires);

    [Theory]
    [InlineData("""{"painTypes":["burning"]}""", true)]
    [InlineData("""{"painTypes":["burning"],"radiatesBelowKnee":true}""", false)]
    [InlineData("""{"painTypes":["burning","numbness"]}""", false)]
    public void NP4_BurningNotRadicular_Fires(string overrides, bool fires) => RuleAssert.Fires("NP-4", overrides, fires);

    [Theory]
    [InlineData("""{"painTypes":["radiating"],"consecutiveStableCheckIns":1}""", true)]
    [InlineData("""{"painTypes":["radiating"],"painTrendVsLastWeek":null}""", true)]
    [InlineData("""{"painTypes":["radiating"]}""", false)]
    [InlineData("""{"painTypes":["radiating"],"radiatesBelowKnee":true,"consecutiveStableCheckIns":1}""", false)]
    public void NP5_RadiatingAboveKneeNotKnownStable_Fires(string overrides, bool fires) => RuleAssert.Fires("NP-5", overrides, fires);
}
