using CoachBot.Coaching.CheckIns;
using static CoachBot.Coaching.Policy.MessageTokens;

namespace CoachBot.Coaching.Policy;

/// <content>Surgery (SX) and pain-type (NP) rules.</content>
public static partial class ClinicalRuleSet
{
    private static CoachingRule[] SymptomRules() =>
    [
        Rule(RuleTable.SX1, Decision.Pause, Escalation.Routine, "recentSurgeryWeeks 0-6, no clearance recorded", [CheckWithYourSurgeon],
            f => If(f.Input.RecentSurgeryWeeks is >= 0 and <= 6 && !f.Input.SurgeryCleared,
                $"spinal surgery {f.Input.RecentSurgeryWeeks} weeks ago (0-6): only the surgical team's rehabilitation applies")),
        Rule(RuleTable.SX2, Decision.Hold, Escalation.Routine, "recentSurgeryWeeks 7-12, or 0-6 with clearance recorded", [CheckWithYourSurgeon],
            f => f.Input.RecentSurgeryWeeks switch
            {
                >= 7 and <= 12 => $"spinal surgery {f.Input.RecentSurgeryWeeks} weeks ago (7-12): no automatic progression until cleared",
                >= 0 and <= 6 when f.Input.SurgeryCleared =>
                    $"spinal surgery {f.Input.RecentSurgeryWeeks} weeks ago, cleared to train: no automatic progression until week 12",
                _ => null,
            }),
        Rule(RuleTable.NP1, Decision.Pause, Escalation.Routine, "radicular and not known-stable", [KeepMovingGently, CoachWillContactYou],
            f => If(f.Radicular && !f.KnownStable, $"new or changing leg symptoms ({Radicular(f)}; not known-stable)")),
        Rule(RuleTable.NP2, Decision.Hold, Escalation.None, "radicular and known-stable", [],
            f => If(f.Radicular && f.KnownStable, $"known-stable leg symptoms ({Radicular(f)}): no automatic progression")),
        Rule(RuleTable.NP3, Decision.Pause, Escalation.Routine, "sharp in painTypes", [StopTheExercise],
            f => If(f.Has(PainType.Sharp), "sharp pain reported: stop that exercise and review exercise choice")),
        Rule(RuleTable.NP4, Decision.Hold, Escalation.Routine, "burning in painTypes, not radicular", [CoachWillContactYou],
            f => If(f.Has(PainType.Burning) && !f.Radicular, "burning pain above the knee: possible nerve sensitivity")),
        Rule(RuleTable.NP5, Decision.Hold, Escalation.None, "radiating in painTypes, not radicular, not known-stable", [],
            f => If(f.Has(PainType.Radiating) && !f.Radicular && !f.KnownStable,
                "pain spreading above the knee, not yet known-stable")),
    ];

    private static string Radicular(RuleFacts facts) =>
        (facts.Input.RadiatesBelowKnee, facts.Has(PainType.Numbness)) switch
        {
            (true, true) => "pain below the knee and numbness",
            (true, false) => "pain below the knee",
            _ => "numbness",
        };
}
