using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;

namespace CoachBot.Coaching.Safety;

/// <summary>
/// What <see cref="SafetyScreen"/> found in one message: the rules that fired, most urgent first, and the targeted
/// questions to ask when a symptom was named without enough for a rule. The coaching core decides everything here
/// (rule ids, levels, classes); the chat layer only acts on it.
/// </summary>
public sealed record SafetyFindings
{
    /// <summary>Nothing found.</summary>
    public static SafetyFindings Empty { get; } = new();

    /// <summary>The rules that fired, most urgent first (one per rule id and flag).</summary>
    public IReadOnlyList<SafetyFinding> Findings { get; init; } = [];

    /// <summary>Questions to ask now (only when nothing urgent fired).</summary>
    public IReadOnlyList<SafetyQuestion> Questions { get; init; } = [];

    /// <summary>The most serious mental-health class found.</summary>
    public SelfHarmClass SelfHarm => Findings.Select(f => f.Crisis).DefaultIfEmpty(SelfHarmClass.None).Max();

    /// <summary>Red flags described in the text (never contains <see cref="RedFlag.None"/>).</summary>
    public IReadOnlySet<RedFlag> RedFlags => Findings.Where(f => f.Flag is not null).Select(f => f.Flag!.Value).ToHashSet();

    /// <summary>True when the text describes a possible aortic aneurysm (RF-6: emergency).</summary>
    public bool AorticEmergency => Fired(RuleTable.RF6);

    /// <summary>The highest level of the rules that fired.</summary>
    public Escalation Level => Findings.Select(f => f.Level).DefaultIfEmpty(Escalation.None).Max();

    /// <summary>The rule ids that fired, most urgent first, each once.</summary>
    public IReadOnlyList<string> RuleIds => Findings.Select(f => f.RuleId).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>True when anything at all was found.</summary>
    public bool Any => Findings.Count > 0;

    /// <summary>Whether a rule id fired.</summary>
    public bool Fired(string ruleId) => Findings.Any(f => string.Equals(f.RuleId, ruleId, StringComparison.Ordinal));

    /// <summary>Every finding with its concepts, for rule reasons, escalations and the coach page.</summary>
    public string Describe() =>
        Findings.Count == 0 ? "nothing matched" : string.Join("; ", Findings.Select(f => f.Describe()));

    /// <summary>The findings of one rule id, described.</summary>
    public string Describe(string ruleId) =>
        string.Join("; ", Findings.Where(f => string.Equals(f.RuleId, ruleId, StringComparison.Ordinal)).Select(f => f.Describe()));
}
