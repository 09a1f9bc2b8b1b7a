using CoachBot.Coaching.Policy;

namespace CoachBot.Coaching.Tests.Policy;

public class RuleTableTests
{
    [Fact]
    public void RuleIds_CurrentSet_AreTheTableIdsInOrder()
    {
        string[] expected =
        [
            "DS-1", "DS-2", "DS-3", "RF-1", "RF-2", "RF-3", "RF-4", "RF-5", "RF-6", "SX-1", "SX-2",
            "NP-1", "NP-2", "NP-3", "NP-4", "NP-5", "PM-1", "PM-2", "PM-3", "CX-1", "PM-4", "PM-5", "PM-6",
            "PM-7", "PM-8", "PM-9", "AD-1", "ST-1", "PR-1", "SO-1",
        ];
        Assert.Equal(expected, ClinicalRuleSet.RuleIds);
    }

    [Theory]
    [InlineData("DS-1", "pause", "emergency", "seek emergency care|crisis line")]
    [InlineData("DS-2", "pause", "urgent", "crisis line|coach will contact you")]
    [InlineData("DS-3", "hold", "routine", "coach will contact you")]
    [InlineData("RF-1", "pause", "emergency", "seek emergency care|stop the exercise")]
    [InlineData("RF-2", "pause", "urgent", "see a doctor today")]
    [InlineData("RF-3", "pause", "urgent", "see a doctor today")]
    [InlineData("RF-4", "pause", "urgent", "see a doctor today")]
    [InlineData("RF-5", "hold", "routine", "coach will contact you")]
    [InlineData("RF-6", "pause", "emergency", "seek emergency care")]
    [InlineData("SX-1", "pause", "routine", "check with your surgeon")]
    [InlineData("SX-2", "hold", "routine", "check with your surgeon")]
    [InlineData("NP-1", "pause", "routine", "keep moving gently|coach will contact you")]
    [InlineData("NP-2", "hold", "none", "")]
    [InlineData("NP-3", "pause", "routine", "stop the exercise")]
    [InlineData("NP-4", "hold", "routine", "coach will contact you")]
    [InlineData("NP-5", "hold", "none", "")]
    [InlineData("PM-1", "pause", "urgent", "see a doctor today")]
    [InlineData("PM-2", "pause", "routine", "keep moving gently")]
    [InlineData("PM-3", "pause", "none", "flare-up plan|keep moving gently")]
    [InlineData("CX-1", "pause", "none", "confirm flare-up status")]
    [InlineData("PM-4", "pause", "none", "reduce the load|keep moving gently")]
    [InlineData("PM-5", "pause", "none", "reduce the load|keep moving gently")]
    [InlineData("PM-6", "hold", "none", "reduce the load")]
    [InlineData("PM-7", "hold", "none", "")]
    [InlineData("PM-8", "hold", "none", "")]
    [InlineData("PM-9", "hold", "none", "")]
    [InlineData("AD-1", "hold", "none", "train 2-3 times a week")]
    [InlineData("ST-1", "hold", "none", "")]
    [InlineData("PR-1", "progress", "none", "increase the load slightly")]
    [InlineData("SO-1", "", "none", "soreness is normal")]
    public void Rule_AsData_MatchesTheClinicalTable(string id, string decision, string escalation, string tokens)
    {
        var rule = ClinicalRuleSet.Current[id];

        Assert.Equal(decision, rule.Decision?.ToString().ToLowerInvariant() ?? string.Empty);
        Assert.Equal(escalation, rule.Escalation.ToString().ToLowerInvariant());
        Assert.Equal(tokens.Split('|', StringSplitOptions.RemoveEmptyEntries), rule.Tokens);
        Assert.False(string.IsNullOrWhiteSpace(rule.Trigger));
    }

    [Fact]
    public void RuleSet_DuplicateId_IsRejected()
    {
        var rule = ClinicalRuleSet.Current["PM-7"];

        var error = Assert.Throws<ArgumentException>(() => new RuleSet("test", [rule, rule]));

        Assert.Contains("PM-7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleSet_UnknownToken_IsRejected()
    {
        var rule = ClinicalRuleSet.Current["PM-7"] with { Tokens = ["take a nap"] };

        var error = Assert.Throws<ArgumentException>(() => new RuleSet("test", [rule]));

        Assert.Contains("take a nap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_AnyInput_RecordsTheRuleSetVersion()
    {
        var decision = Support.CheckInBuilder.Decide(Support.CheckInBuilder.Calm);

        Assert.Equal(ClinicalRuleSet.Version, decision.RuleSetVersion);
        Assert.Equal(Support.TestLexicon.Current.Version, decision.SafetyLexiconVersion);
        Assert.Contains("rules@", decision.SafetyLexiconVersion, StringComparison.Ordinal);
    }
}
