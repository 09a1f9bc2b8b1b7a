namespace CoachBot.Coaching.Policy;

/// <summary>What a rule sees when it is evaluated: the facts and, for later stages, the result so far.</summary>
/// <param name="Facts">The normalised check-in.</param>
/// <param name="EscalationSoFar">The highest escalation of the ordinary rules (used by <see cref="RuleStage.AfterEscalation"/>).</param>
public sealed record RuleEvaluation(RuleFacts Facts, Escalation EscalationSoFar);
