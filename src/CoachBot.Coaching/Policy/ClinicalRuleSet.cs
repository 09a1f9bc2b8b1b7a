using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Safety;
using static CoachBot.Coaching.Policy.MessageTokens;

namespace CoachBot.Coaching.Policy;

/// <summary>
/// The rule table of clinical rules 1.3 as data, plus RF-6 from section 2 (aortic aneurysm phrases in free text).
/// Change a rule here only with a new <see cref="Version"/>.
/// </summary>
public static partial class ClinicalRuleSet
{
    /// <summary>The version recorded on decisions made by <see cref="Current"/>.</summary>
    public const string Version = "clinical-rules-1.3/r2";

    /// <summary>The rule ids of the 1.3 table plus RF-6, in table order.</summary>
    public static IReadOnlyList<string> RuleIds => Current.Rules.Select(r => r.Id).ToArray();

    /// <summary>The current rule set.</summary>
    public static RuleSet Current { get; } = new(Version, [.. SafetyRules(), .. SymptomRules(), .. MonitoringRules()]);

    /// <summary>The escalation of a rule id of the table (the safety screen's findings carry it).</summary>
    /// <exception cref="ArgumentException">No rule has the id.</exception>
    public static Escalation EscalationOf(string ruleId) =>
        Current.Rules.FirstOrDefault(r => string.Equals(r.Id, ruleId, StringComparison.Ordinal))?.Escalation
        ?? throw new ArgumentException($"No rule {ruleId} in the rule table.", nameof(ruleId));

    private static CoachingRule Rule(
        string id, Decision? decision, Escalation escalation, string trigger, string[] tokens, Func<RuleFacts, string?> when) =>
        new(id, RuleStage.Condition, decision, escalation, tokens, trigger, e => when(e.Facts));

    private static string? If(bool condition, string reason) => condition ? reason : null;

    private static CoachingRule[] SafetyRules() =>
    [
        Rule(RuleTable.DS1, Decision.Pause, Escalation.Emergency, "self-harm language plus a sign that harm is close (3.2)",
            [SeekEmergencyCare, CrisisLine],
            f => If(f.Safety.Fired(RuleTable.DS1), $"self-harm language with a sign that harm is close ({f.Safety.Describe(RuleTable.DS1)})")),
        Rule(RuleTable.DS2, Decision.Pause, Escalation.Urgent, "any self-harm or suicide language, negated or not (3.2)",
            [CrisisLine, CoachWillContactYou],
            f => If(f.Safety.SelfHarm >= SelfHarmClass.SelfHarm, $"self-harm or suicide language ({f.Safety.Describe(f.Safety.Fired(RuleTable.DS2) ? RuleTable.DS2 : RuleTable.DS1)})")),
        Rule(RuleTable.DS3, Decision.Hold, Escalation.Routine, "distress words without self-harm content (3.2)",
            [CoachWillContactYou],
            f => If(f.Safety.SelfHarm == SelfHarmClass.Distress, $"distress words ({f.Safety.Describe(RuleTable.DS3)})")),
        Rule(RuleTable.RF1, Decision.Pause, Escalation.Emergency, "bladder_bowel, saddle_numbness or progressive_weakness",
            [SeekEmergencyCare, StopTheExercise],
            f => Flags(f, RuleTable.RF1, "possible cauda equina syndrome or major nerve loss",
                RedFlag.BladderBowel, RedFlag.SaddleNumbness, RedFlag.ProgressiveWeakness)),
        Rule(RuleTable.RF2, Decision.Pause, Escalation.Urgent, "fever", [SeeADoctorToday],
            f => Flags(f, RuleTable.RF2, "possible spinal infection", RedFlag.Fever)),
        Rule(RuleTable.RF3, Decision.Pause, Escalation.Urgent, "recent_trauma", [SeeADoctorToday],
            f => Flags(f, RuleTable.RF3, "possible fracture", RedFlag.RecentTrauma)),
        Rule(RuleTable.RF4, Decision.Pause, Escalation.Urgent, "cancer_history or unexplained_weight_loss", [SeeADoctorToday],
            f => Flags(f, RuleTable.RF4, "possible malignancy", RedFlag.CancerHistory, RedFlag.UnexplainedWeightLoss)),
        Rule(RuleTable.RF5, Decision.Hold, Escalation.Routine, "night_pain with no other red flag", [CoachWillContactYou],
            f => If(f.Has(RedFlag.NightPain) && f.RedFlags.Count == 1,
                $"{f.Source(RedFlag.NightPain)} with no other red flag")),
        Rule(RuleTable.RF6, Decision.Pause, Escalation.Emergency,
            "[project extension, section 2] sudden severe back or belly pain with feeling faint, or a pulsing lump in the belly",
            [SeekEmergencyCare],
            f => If(f.Safety.AorticEmergency, $"possible aortic aneurysm described in free text ({f.Safety.Describe(RuleTable.RF6)})")),
    ];

    /// <summary>
    /// The reason a red-flag rule fires: its flags reported or found in the free text, or a finding of the rule in the
    /// free text that names no flag (injecting drugs for RF-2, steroids with sudden pain for RF-3).
    /// </summary>
    private static string? Flags(RuleFacts facts, string ruleId, string meaning, params RedFlag[] flags)
    {
        var present = flags.Where(facts.Has).Select(facts.Source).ToList();
        if (facts.Safety.Findings.Any(f => f.RuleId == ruleId && f.Flag is null))
        {
            present.Add($"found in free text: {facts.Safety.Describe(ruleId)}");
        }

        return present.Count == 0 ? null : $"{string.Join(", ", present)}: {meaning}";
    }
}
