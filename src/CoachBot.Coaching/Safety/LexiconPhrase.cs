namespace CoachBot.Coaching.Safety;

/// <summary>
/// One term or trigger: as written in the content file, and as normalised tokens. A lone <c>*</c> token stands for
/// 0-2 words, a word ending in <c>*</c> for any word it starts, and <c>#</c> for a number.
/// </summary>
/// <param name="Text">The phrase as written in the content file (used in findings and audit output).</param>
/// <param name="Tokens">The normalised tokens that are matched.</param>
public sealed record LexiconPhrase(string Text, IReadOnlyList<string> Tokens);
