using CoachBot.Coaching.Policy;
using CoachBot.Coaching.CheckIns;

namespace CoachBot.Coaching.Safety;

/// <summary>
/// The vocabulary and rules behind <see cref="SafetyScreen"/>: data from content/safety/*.json, parsed and checked by
/// <see cref="SafetyLexiconParser"/>. All terms are stored already normalised.
/// </summary>
public sealed record SafetyLexicon
{
    /// <summary>The combined version of the source files, recorded on decisions.</summary>
    public required string Version { get; init; }

    /// <summary>The concepts by name.</summary>
    public required IReadOnlyDictionary<string, Concept> Concepts { get; init; }

    /// <summary>The rules, in file order (crisis first, then red flags).</summary>
    public required IReadOnlyList<ConceptRule> Rules { get; init; }

    /// <summary>The targeted questions for a symptom named without enough for a rule.</summary>
    public required IReadOnlyList<SafetyQuestion> Questions { get; init; }

    /// <summary>Modifier triggers (negation, someone else, hypothetical, long past) and pseudo-triggers.</summary>
    public required IReadOnlyList<ModifierTrigger> Triggers { get; init; }

    /// <summary>Words that end a modifier's scope ("but").</summary>
    public required IReadOnlyList<LexiconPhrase> Terminators { get; init; }

    /// <summary>Words that end the scope of "someone else" (the patient's own I, my, me).</summary>
    public required IReadOnlySet<string> OtherPersonEnds { get; init; }

    /// <summary>How many words a modifier reaches.</summary>
    public required int ModifierScope { get; init; }

    /// <summary>Idioms that are not triggers ("this pain is killing me"); a mention wholly inside one is ignored.</summary>
    public required IReadOnlyList<LexiconPhrase> NotTriggers { get; init; }

    /// <summary>Single-word rewrites applied after normalising (for example wanna → want to).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Rewrites { get; init; }

    /// <summary>Real words that must never count as a typo of a lexicon word (for example overdone ≠ overdose).</summary>
    public required IReadOnlySet<string> NoFuzzy { get; init; }

    /// <summary>Short words a run-together word may be split into, besides the lexicon's own words.</summary>
    public required IReadOnlySet<string> JoinWords { get; init; }

    /// <summary>The rule for a red flag or crisis class of the rule table, by rule id: which ids the screen may report.</summary>
    public static IReadOnlyDictionary<string, SelfHarmClass> CrisisRuleIds { get; } = new Dictionary<string, SelfHarmClass>(StringComparer.Ordinal)
    {
        [RuleTable.DS1] = SelfHarmClass.Imminent,
        [RuleTable.DS2] = SelfHarmClass.SelfHarm,
        [RuleTable.DS3] = SelfHarmClass.Distress,
    };

    /// <summary>The rule id of each red flag (rule table 1.3).</summary>
    public static IReadOnlyDictionary<RedFlag, string> FlagRuleIds { get; } = new Dictionary<RedFlag, string>
    {
        [RedFlag.BladderBowel] = RuleTable.RF1,
        [RedFlag.SaddleNumbness] = RuleTable.RF1,
        [RedFlag.ProgressiveWeakness] = RuleTable.RF1,
        [RedFlag.Fever] = RuleTable.RF2,
        [RedFlag.RecentTrauma] = RuleTable.RF3,
        [RedFlag.CancerHistory] = RuleTable.RF4,
        [RedFlag.UnexplainedWeightLoss] = RuleTable.RF4,
        [RedFlag.NightPain] = RuleTable.RF5,
    };

    /// <summary>Every rule id the screen reports: DS-1 to DS-3 and RF-1 to RF-6.</summary>
    public static IReadOnlyList<string> ScreenRuleIds { get; } = [RuleTable.DS1, RuleTable.DS2, RuleTable.DS3, RuleTable.RF1, RuleTable.RF2, RuleTable.RF3, RuleTable.RF4, RuleTable.RF5, RuleTable.RF6];
}
