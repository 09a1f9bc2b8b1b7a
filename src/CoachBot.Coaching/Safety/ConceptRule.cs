using CoachBot.Coaching.CheckIns;

namespace CoachBot.Coaching.Safety;

/// <summary>
/// A rule over concepts (content/safety/rules.json): it fires when a mention of each <see cref="AllOf"/> group lies
/// within <see cref="Window"/> words of a mention of the first group, no <see cref="NoneOf"/> concept is that near,
/// and no mention that counts carries a modifier in <see cref="SilencedBy"/>.
/// </summary>
public sealed record ConceptRule
{
    /// <summary>The clinical rule id it reports (docs/clinical-rules.md 1.3), for example <c>RF-1</c>.</summary>
    public required string Id { get; init; }

    /// <summary>A short plain name, shown to coaches.</summary>
    public required string Name { get; init; }

    /// <summary>The red flag it reports, if any (the wire value named in the file).</summary>
    public RedFlag? Flag { get; init; }

    /// <summary>The crisis class it reports (DS rules); <see cref="SelfHarmClass.None"/> for red flags.</summary>
    public SelfHarmClass Crisis { get; init; }

    /// <summary>The concept groups; each group is a list of alternative concept names.</summary>
    public required IReadOnlyList<IReadOnlyList<string>> AllOf { get; init; }

    /// <summary>Concepts that stop the rule when they occur within the window.</summary>
    public IReadOnlyList<string> NoneOf { get; init; } = [];

    /// <summary>How many words apart the mentions may start.</summary>
    public required int Window { get; init; }

    /// <summary>The modifiers that make a mention not count for this rule.</summary>
    public required IReadOnlySet<ConceptModifier> SilencedBy { get; init; }
}
