using CoachBot.Coaching.CheckIns;

namespace CoachBot.Coaching.Safety;

/// <summary>
/// The word lists behind <see cref="SafetyScreen"/>: data from content/safety/*.json, parsed by
/// <see cref="SafetyLexiconParser"/>. All phrases are stored already normalised.
/// </summary>
public sealed record SafetyLexicon
{
    /// <summary>The combined version of the source files, recorded on decisions.</summary>
    public required string Version { get; init; }

    /// <summary>Self-harm and suicide language (DS-2).</summary>
    public required IReadOnlyList<LexiconEntry> SelfHarm { get; init; }

    /// <summary>Signs that harm is close: time, plan, means, act done, goodbye (DS-1 with self-harm).</summary>
    public required IReadOnlyList<LexiconEntry> Imminence { get; init; }

    /// <summary>General distress words (DS-3).</summary>
    public required IReadOnlyList<LexiconEntry> Distress { get; init; }

    /// <summary>Idioms that are not triggers ("this pain is killing me"); a match wholly inside one is ignored.</summary>
    public required IReadOnlyList<LexiconEntry> NotTriggers { get; init; }

    /// <summary>Red-flag phrases, by flag.</summary>
    public required IReadOnlyDictionary<RedFlag, IReadOnlyList<LexiconEntry>> RedFlags { get; init; }

    /// <summary>Possible aortic aneurysm descriptions (emergency).</summary>
    public required IReadOnlyList<LexiconEntry> AorticEmergency { get; init; }

    /// <summary>Single-word rewrites applied after normalising (for example wanna → want to).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Rewrites { get; init; }

    /// <summary>Real words that must never count as a typo of a lexicon word (for example overdone ≠ overdose).</summary>
    public required IReadOnlySet<string> NoFuzzy { get; init; }
}
