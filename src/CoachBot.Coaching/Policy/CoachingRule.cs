namespace CoachBot.Coaching.Policy;

/// <summary>One row of the rule table (clinical rules 1.3), as data.</summary>
/// <param name="Id">The rule id, for example <c>PM-6</c>.</param>
/// <param name="Stage">When the rule is evaluated.</param>
/// <param name="Decision">The decision it sets, or null when it sets none (SO-1).</param>
/// <param name="Escalation">The escalation level it raises to.</param>
/// <param name="Tokens">The message tokens it contributes (from <see cref="MessageTokens"/>).</param>
/// <param name="Trigger">The trigger as written in the table, for documentation and audits.</param>
/// <param name="Evaluate">Returns a plain reason when the rule fires, or null when it does not.</param>
public sealed record CoachingRule(
    string Id,
    RuleStage Stage,
    Decision? Decision,
    Escalation Escalation,
    IReadOnlyList<string> Tokens,
    string Trigger,
    Func<RuleEvaluation, string?> Evaluate);
