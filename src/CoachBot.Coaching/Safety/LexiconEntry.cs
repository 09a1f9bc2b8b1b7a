namespace CoachBot.Coaching.Safety;

/// <summary>
/// One lexicon entry: it matches when every group has at least one phrase in the message. A plain phrase is an
/// entry with one group of one phrase.
/// </summary>
/// <param name="AllOf">The groups; each is a list of alternative phrases.</param>
public sealed record LexiconEntry(IReadOnlyList<IReadOnlyList<LexiconPhrase>> AllOf);
