using CoachBot.Coaching.Policy;

namespace CoachBot.Coaching.Screening;

/// <summary>One screening rule that fired: its id, level and a plain reason for the coach.</summary>
public sealed record ScreeningFinding(string RuleId, Escalation Escalation, string Reason);
