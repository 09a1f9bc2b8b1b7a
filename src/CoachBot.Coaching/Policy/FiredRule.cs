namespace CoachBot.Coaching.Policy;

/// <summary>One rule that fired for a check-in.</summary>
/// <param name="RuleId">The rule id from the table (for example <c>PM-6</c>).</param>
/// <param name="Reason">A plain developer/coach-facing explanation of why it fired.</param>
public sealed record FiredRule(string RuleId, string Reason);
