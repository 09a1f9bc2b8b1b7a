namespace CoachBot.Coaching.Safety;

/// <summary>One lexicon phrase: as written in the content file, and as normalised tokens (<c>*</c> = 0-2 words).</summary>
/// <param name="Text">The phrase as written in the lexicon file (used in audit output).</param>
/// <param name="Tokens">The normalised tokens that are matched.</param>
public sealed record LexiconPhrase(string Text, IReadOnlyList<string> Tokens);
