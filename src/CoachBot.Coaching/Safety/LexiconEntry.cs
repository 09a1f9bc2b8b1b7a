namespace CoachBot.Coaching.Safety;

/// <summary>
/// One lexicon entry: it matches when every group has at least one phrase in the message. A plain phrase is an
/// entry with one group of one phrase. A phrase is a list of normalised tokens; <c>*</c> stands for 0-2 words.
/// </summary>
/// <param name="AllOf">The groups; each is a list of alternative phrases.</param>
public sealed record LexiconEntry(IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> AllOf)
{
    /// <summary>The entry as readable text, for audit.</summary>
    public string Label => string.Join(" + ", AllOf.Select(g => string.Join(" ", g[0])));
}
