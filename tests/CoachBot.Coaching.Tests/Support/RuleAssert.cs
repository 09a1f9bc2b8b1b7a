using CoachBot.Coaching.Policy;

namespace CoachBot.Coaching.Tests.Support;

/// <summary>Checks one rule against one check-in.</summary>
internal static class RuleAssert
{
    /// <summary>
    /// Asserts whether <paramref name="ruleId"/> fires for the calm baseline changed by <paramref name="overridesJson"/>.
    /// When it fires, the final decision and escalation are at least the rule's own, and it gives a reason.
    /// </summary>
    public static CoachingDecision Fires(string ruleId, string overridesJson, bool expected)
    {
        var decision = CheckInBuilder.Decide(overridesJson);
        Assert.True(expected == decision.RuleIds.Contains(ruleId),
            $"{ruleId} expected {(expected ? "to fire" : "not to fire")} for {overridesJson}; fired: {string.Join(", ", decision.RuleIds)}");
        if (expected)
        {
            var rule = ClinicalRuleSet.Current[ruleId];
            if (rule.Decision is Decision ruleDecision)
            {
                Assert.True(decision.Decision >= ruleDecision, $"{ruleId}: decision {decision.Decision} is less conservative than {ruleDecision}");
            }

            Assert.True(decision.Escalation >= rule.Escalation, $"{ruleId}: escalation {decision.Escalation} below {rule.Escalation}");
            Assert.False(string.IsNullOrWhiteSpace(decision.FiredRules.Single(r => r.RuleId == ruleId).Reason));
        }

        return decision;
    }
}
