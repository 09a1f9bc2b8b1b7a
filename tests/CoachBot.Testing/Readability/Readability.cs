using System.Text.RegularExpressions;

namespace CoachBot.Testing.Readability;

/// <summary>
/// Measures how easy a patient-facing text is to read, with the Flesch-Kincaid Grade Level and the
/// Flesch Reading Ease. Markdown markup, front matter and <c>{placeholders}</c> are removed before
/// counting. A line that ends without <c>. ! ?</c> (a heading, a list item, a button label) counts as
/// its own sentence, as readers see it that way.
/// </summary>
public static partial class Readability
{
    /// <summary>Scores a text (plain or Markdown, placeholders allowed).</summary>
    public static ReadabilityScore Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = PlainText.FromMarkdown(text);
        var words = 0;
        var sentences = 0;
        var syllables = 0;
        foreach (var sentence in SplitSentences(plain))
        {
            var sentenceWords = 0;
            foreach (var word in Tokenize(sentence))
            {
                sentenceWords++;
                syllables += SyllableCounter.Count(word);
            }

            if (sentenceWords > 0)
            {
                words += sentenceWords;
                sentences++;
            }
        }

        return new ReadabilityScore(words, sentences, syllables);
    }

    /// <summary>Counts the syllables of one word (letters, digits and apostrophes; other characters are ignored).</summary>
    public static int CountSyllables(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Tokenize(word).Sum(SyllableCounter.Count);
    }

    /// <summary>Returns the words of a text in the way <see cref="Analyze"/> counts them.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. Tokenize(PlainText.FromMarkdown(text))];
    }

    private static IEnumerable<string> SplitSentences(string plain)
    {
        foreach (var line in plain.Split('\n'))
        {
            foreach (var part in SentenceEnd().Split(line))
            {
                yield return part;
            }
        }
    }

    private static IEnumerable<string> Tokenize(string text)
    {
        foreach (Match match in WordPattern().Matches(text))
        {
            yield return match.Value;
        }
    }

    // A run of . ! ? followed by a space or the end of the line ends a sentence; "2.5" does not.
    [GeneratedRegex(@"[.!?]+(?=\s|$)")]
    private static partial Regex SentenceEnd();

    // A word is a run of letters or digits, with inner apostrophes ("don't"); a hyphen or slash
    // joins parts into one word ("flare-up", "2-3"), and its syllables are the sum of its parts.
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}]+)*(?:[-/][\p{L}\p{N}]+(?:['’][\p{L}]+)*)*")]
    private static partial Regex WordPattern();
}
