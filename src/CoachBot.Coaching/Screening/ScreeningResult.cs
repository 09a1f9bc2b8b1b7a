using CoachBot.Coaching.Policy;

namespace CoachBot.Coaching.Screening;

/// <summary>The outcome of the pre-exercise screening: the findings, and whether loaded training waits for clearance.</summary>
public sealed record ScreeningResult(IReadOnlyList<ScreeningFinding> Findings)
{
    /// <summary>True when any finding holds the programme until a coach (or the patient's doctor) clears it.</summary>
    public bool NeedsClearance => Findings.Count > 0;

    /// <summary>The highest level that fired (none when nothing fired).</summary>
    public Escalation Escalation => Findings.Count == 0 ? Escalation.None : Findings.Max(f => f.Escalation);

    /// <summary>The fired rule ids, in table order.</summary>
    public IReadOnlyList<string> RuleIds => [.. Findings.Select(f => f.RuleId)];

    /// <summary>True when a rule was fired that means go to the emergency department now (RF-1).</summary>
    public bool Emergency => Escalation == Escalation.Emergency;
}
