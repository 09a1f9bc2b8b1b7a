using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;

namespace CoachBot.Coaching.Programs;

/// <summary>One past check-in and the decision made on it, as kept in a patient's history.</summary>
/// <param name="Date">The day of the check-in (patient's local date).</param>
/// <param name="Input">The check-in as decided (history fields already derived).</param>
/// <param name="Decision">The decision made.</param>
/// <param name="Escalation">The escalation made.</param>
/// <param name="RuleIds">The fired rule ids.</param>
/// <param name="RuleSetVersion">The rule-set version that decided.</param>
public sealed record CheckInRecord(
    DateOnly Date,
    CheckInInput Input,
    Decision Decision,
    Escalation Escalation,
    IReadOnlyList<string> RuleIds,
    string RuleSetVersion);
