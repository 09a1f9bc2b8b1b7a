namespace CoachBot.Coaching.Safety;

/// <summary>
/// Finds phrases in token lists. Words match exactly, with a plural or possessive s (leg matches legs, tonight
/// matches tonights), or with a small typo when the lexicon word is long: one edit (insert, delete, substitute or
/// swap two neighbours) from 6 letters, two edits from 10. A typo match needs the same first letter and is never
/// allowed for words on the lexicon's no-fuzzy list. A lone <c>*</c> in a phrase stands for 0-2 words, a word ending
/// in <c>*</c> matches any word it starts (numb* matches numbness), and <c>#</c> matches a number.
/// </summary>
internal static class PhraseMatcher
{
    public const string Wildcard = "*";
    public const string Number = "#";
    private const int ShortestTypoWord = 6;
    private const int MaxWildcardWords = 2;

    /// <summary>Every (start, end-exclusive) span where the phrase occurs in the tokens.</summary>
    public static IEnumerable<(int Start, int End)> Find(IReadOnlyList<string> tokens, IReadOnlyList<string> phrase, IReadOnlySet<string> noFuzzy) =>
        Find(new TokenMatches(tokens, noFuzzy), phrase);

    /// <summary>
    /// Every (start, end-exclusive) span where the phrase occurs, with each lexicon word compared with the message's
    /// tokens once per message (<see cref="TokenMatches"/>) instead of once per phrase and position. A phrase with a
    /// word that matches no token is passed over at once, before any enumerator is made.
    /// </summary>
    public static IEnumerable<(int Start, int End)> Find(TokenMatches matches, IReadOnlyList<string> phrase)
    {
        ArgumentNullException.ThrowIfNull(matches);
        return phrase.Count == 0 || !matches.CanOccur(phrase) ? [] : Spans(matches, phrase);
    }

    /// <summary>Whether a text word matches a lexicon word, allowing small typos in long words.</summary>
    public static bool WordMatches(string text, string lexicon, IReadOnlySet<string> noFuzzy)
    {
        if (string.Equals(text, lexicon, StringComparison.Ordinal) || IsPlural(text, lexicon))
        {
            return true;
        }

        if (lexicon == Number)
        {
            return text.Length > 0 && text.All(char.IsAsciiDigit);
        }

        if (IsPrefix(lexicon))
        {
            return text.StartsWith(lexicon.AsSpan(0, lexicon.Length - 1), StringComparison.Ordinal);
        }

        if (lexicon.Length < ShortestTypoWord || text.Length == 0 || text[0] != lexicon[0] || noFuzzy.Contains(text))
        {
            return false;
        }

        var allowed = lexicon.Length >= 10 ? 2 : 1;
        return Math.Abs(text.Length - lexicon.Length) <= allowed && EditDistance(text, lexicon) <= allowed;
    }

    /// <summary>Whether a lexicon word is a prefix (ends in <c>*</c>).</summary>
    public static bool IsPrefix(string lexicon) => lexicon.Length > 1 && lexicon[^1] == '*';

    /// <summary>Whether the text word is the lexicon word with a plural or possessive s (legs, tonights, boxes).</summary>
    public static bool IsPlural(string text, string lexicon) =>
        text.Length > lexicon.Length && text.StartsWith(lexicon, StringComparison.Ordinal)
        && (text.Length == lexicon.Length + 1 ? text[^1] == 's' : text.Length == lexicon.Length + 2 && text.EndsWith("es", StringComparison.Ordinal));

    /// <summary>The end (exclusive) of the phrase when it occurs from token <paramref name="start"/>; otherwise -1.</summary>
    public static int MatchAt(TokenMatches matches, int start, IReadOnlyList<string> phrase) =>
        phrase.Count == 0 ? -1 : MatchFrom(matches, start, phrase, 0);

    private static IEnumerable<(int Start, int End)> Spans(TokenMatches matches, IReadOnlyList<string> phrase)
    {
        for (var start = 0; start < matches.Count; start++)
        {
            var end = MatchAt(matches, start, phrase);
            if (end >= 0)
            {
                yield return (start, end);
            }
        }
    }

    private static int MatchFrom(TokenMatches matches, int at, IReadOnlyList<string> phrase, int p)
    {
        if (p == phrase.Count)
        {
            return at;
        }

        if (phrase[p] == Wildcard)
        {
            for (var skip = 0; skip <= MaxWildcardWords && at + skip <= matches.Count; skip++)
            {
                var end = MatchFrom(matches, at + skip, phrase, p + 1);
                if (end >= 0)
                {
                    return end;
                }
            }

            return -1;
        }

        return at < matches.Count && matches.Matches(at, phrase[p])
            ? MatchFrom(matches, at + 1, phrase, p + 1)
            : -1;
    }

    /// <summary>Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one substring).</summary>
    /// <remarks>Three rolling rows on the stack (words are short); longer words fall back to the heap.</remarks>
    internal static int EditDistance(string a, string b)
    {
        var width = b.Length + 1;
        Span<int> rows = width * 3 <= 256 ? stackalloc int[width * 3] : new int[width * 3];
        var beforePrevious = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, beforePrevious[j - 2] + 1);
                }

                current[j] = value;
            }

            var recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length];
    }
}
