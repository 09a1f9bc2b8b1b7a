using CoachBot.Coaching.CheckIns;

namespace CoachBot.Coaching.Safety;

/// <summary>What <see cref="SafetyScreen"/> found in one message.</summary>
public sealed record SafetyFindings
{
    /// <summary>Nothing found.</summary>
    public static SafetyFindings Empty { get; } = new();

    /// <summary>The most serious mental-health class found.</summary>
    public SelfHarmClass SelfHarm { get; init; }

    /// <summary>Red flags described in the text (never contains <see cref="RedFlag.None"/>).</summary>
    public IReadOnlySet<RedFlag> RedFlags { get; init; } = new HashSet<RedFlag>();

    /// <summary>True when the text describes a possible aortic aneurysm (section 2: emergency).</summary>
    public bool AorticEmergency { get; init; }

    /// <summary>Every lexicon entry that matched, for audit; phrases are from the lexicon, not the patient.</summary>
    public IReadOnlyList<SafetyMatch> Matches { get; init; } = [];

    /// <summary>True when anything at all was found.</summary>
    public bool Any => SelfHarm != SelfHarmClass.None || RedFlags.Count > 0 || AorticEmergency;

    /// <summary>A short list of the matched phrases, for rule reasons.</summary>
    public string Describe() =>
        Matches.Count == 0 ? "nothing matched" : string.Join("; ", Matches.Select(m => $"{m.Category}: \"{m.Phrase}\""));
}
