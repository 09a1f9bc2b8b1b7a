using CoachBot.Coaching.CheckIns;
using static CoachBot.Coaching.Policy.MessageTokens;

namespace CoachBot.Coaching.Policy;

/// <content>Surgery (SX) and pain-type (NP) rules.</content>
public static partial class ClinicalRuleSet
{
    private static CoachingRule[] SymptomRules() =>
    [
        Rule("SX-1", Decision.Pause, Escalation.Routine, "recentSurgeryWeeks 0-6", [CheckWithYourSurgeon],
            f => If(f.Input.RecentSurgeryWeeks is >= 0 and <= 6,
                $"spinal surgery {f.Input.RecentSurgeryWeeks} weeks ago (0-6): only the surgical team's rehabilitation applies")),
        Rule("SX-2", Decision.Hold, Escalation.Routine, "recentSurgeryWeeks 7-12", [CheckWithYourSurgeon],
            f => If(f.Input.RecentSurgeryWeeks is >= 7 and <= 12,
                $"spinal surgery {f.Input.RecentSurgeryWeeks} weeks ago (7-12): no automatic progression until cleared")),
        Rule("NP-1", Decision.Pause, Escalation.Routine, "radicular and not known-stable", [KeepMovingGently, CoachWillContactYou],
            f => If(f.Radicular && !f.KnownStable, $"new or changing leg symptoms ({Radicular(f)}; not known-stable)")),
        Rule("NP-2", Decision.Hold, Escalation.None, "radicular and known-stable", [],
            f => If(f.Radicular && f.KnownStable, $"known-stable leg symptoms ({Radicular(f)}): no automatic progression")),
        Rule("NP-3", Decision.Pause, Escalation.Routine, "sharp in painTypes", [StopTheExercise],
            f => If(f.Has(PainType.Sharp), "sharp pain reported: stop that exercise and review exercise choice")),
        Rule("NP-4", Decision.Hold, Escalation.Routine, "burning in painTypes, not radicular", [CoachWillContactYou],
            f => If(f.Has(PainType.Burning) && !f.Radicular, "burning pain above the knee: possible nerve sensitivity")),
        Rule("NP-5", Decision.Hold, Escalation.None, "radiating in painTypes, not radicular, not known-stable", [],
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
