namespace CoachBot.Conversation.Choices;

/// <summary>
/// Recognises choices in an answer, in the SDK's order (only the first strategy that finds something is
/// used): (1) the choice's value, button title or a synonym, as whole words anywhere in the answer: every word of
/// it, in order, with at most two other words between two of them (the SDK's default <c>findValues</c>: no partial
/// matches, a token distance of 2), never one shared word of a longer choice; (2) ordinals ("the second one",
/// "last"); (3) plain numbers ("2", "1, 3").
/// </summary>
public static class ChoiceRecognizer
{
    private const int MaxTokenDistance = 2;

    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["first"] = 1, ["1st"] = 1, ["second"] = 2, ["2nd"] = 2, ["third"] = 3, ["3rd"] = 3, ["fourth"] = 4, ["4th"] = 4,
        ["fifth"] = 5, ["5th"] = 5, ["sixth"] = 6, ["6th"] = 6, ["seventh"] = 7, ["7th"] = 7, ["eighth"] = 8, ["8th"] = 8,
        ["ninth"] = 9, ["9th"] = 9, ["tenth"] = 10, ["10th"] = 10,
    };

    /// <summary>
    /// Finds the chosen options. Single selection returns at most one (an answer naming two different
    /// choices equally well is ambiguous and returns none); <paramref name="allowMultiple"/> returns every
    /// choice named, in the order they appear in the answer.
    /// </summary>
    public static IReadOnlyList<FoundChoice> Recognize(string? text, IReadOnlyList<Choice> choices, bool allowMultiple = false)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var tokens = TextTokens.Tokenize(text);
        if (tokens.Count == 0 || choices.Count == 0)
        {
            return [];
        }

        var byText = MatchText(tokens, choices, allowMultiple);
        if (byText.Count > 0)
        {
            return byText;
        }

        var byOrdinal = MatchIndexes(tokens, choices, allowMultiple, ReadOrdinals(tokens, choices.Count));
        return byOrdinal.Count > 0 ? byOrdinal : MatchIndexes(tokens, choices, allowMultiple, ReadNumbers(tokens));
    }

    private static List<FoundChoice> MatchText(List<string> tokens, IReadOnlyList<Choice> choices, bool allowMultiple)
    {
        var matches = new List<(int Index, int Start, int End, int Length, string Synonym)>();
        for (var c = 0; c < choices.Count; c++)
        {
            (int Start, int End, int Length, string Synonym)? best = null;
            foreach (var candidate in Candidates(choices[c]))
            {
                var phrase = TextTokens.Tokenize(candidate);
                var (start, end) = Find(tokens, phrase);
                if (start >= 0 && (best is null || phrase.Count > best.Value.Length))
                {
                    best = (start, end, phrase.Count, candidate);
                }
            }

            if (best is { } b)
            {
                matches.Add((c, b.Start, b.End, b.Length, b.Synonym));
            }
        }

        // A choice whose words sit inside another choice's longer match ("back" inside "lower back") does not count.
        matches.RemoveAll(m => matches.Any(o => o.Index != m.Index && o.Length > m.Length && o.Start <= m.Start && o.End >= m.End));
        if (matches.Count == 0)
        {
            return [];
        }

        if (!allowMultiple)
        {
            var longest = matches.Max(m => m.Length);
            var top = matches.Where(m => m.Length == longest).ToList();
            if (top.Count != 1)
            {
                return []; // ambiguous
            }

            matches = top;
        }

        return matches
            .OrderBy(m => m.Start)
            .Select(m => new FoundChoice(choices[m.Index].Value, m.Index, (double)m.Length / tokens.Count, m.Synonym))
            .ToList();
    }

    private static IEnumerable<string> Candidates(Choice choice)
    {
        if (!string.IsNullOrWhiteSpace(choice.Value))
        {
            yield return choice.Value;
        }

        if (!string.IsNullOrWhiteSpace(choice.Action?.Title))
        {
            yield return choice.Action.Title;
        }

        if (choice.Synonyms is not null)
        {
            foreach (var synonym in choice.Synonyms)
            {
                if (!string.IsNullOrWhiteSpace(synonym))
                {
                    yield return synonym;
                }
            }
        }
    }

    /// <summary>
    /// The first span (start, end exclusive) holding every word of the phrase in order, each within
    /// <see cref="MaxTokenDistance"/> skipped words of the one before; (-1, -1) when there is none.
    /// </summary>
    private static (int Start, int End) Find(List<string> tokens, List<string> phrase)
    {
        if (phrase.Count == 0 || phrase.Count > tokens.Count)
        {
            return (-1, -1);
        }

        for (var start = 0; start < tokens.Count; start++)
        {
            if (!string.Equals(tokens[start], phrase[0], StringComparison.Ordinal))
            {
                continue;
            }

            var at = start;
            var matched = 1;
            while (matched < phrase.Count && NextWithin(tokens, phrase[matched], at) is var next && next >= 0)
            {
                at = next;
                matched++;
            }

            if (matched == phrase.Count)
            {
                return (start, at + 1);
            }
        }

        return (-1, -1);
    }

    private static int NextWithin(List<string> tokens, string word, int after)
    {
        for (var i = after + 1; i < tokens.Count && i <= after + 1 + MaxTokenDistance; i++)
        {
            if (string.Equals(tokens[i], word, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static List<int> ReadOrdinals(List<string> tokens, int count)
    {
        var positions = new List<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] == "last")
            {
                var fromEnd = i > 0 && Ordinals.TryGetValue(tokens[i - 1], out var k) ? k : 1;
                if (fromEnd > 1)
                {
                    positions.RemoveAt(positions.Count - 1); // "second last": the ordinal counts from the end
                }

                positions.Add(count - fromEnd + 1);
            }
            else if (i + 2 < tokens.Count && Ordinals.TryGetValue(tokens[i], out var fromLast) && tokens[i + 1] == "to" && tokens[i + 2] == "last")
            {
                positions.Add(count - fromLast + 1);
                i += 2;
            }
            else if (Ordinals.TryGetValue(tokens[i], out var ordinal))
            {
                positions.Add(ordinal);
            }
        }

        return positions;
    }

    private static List<int> ReadNumbers(List<string> tokens)
    {
        var positions = new List<int>();
        foreach (var token in tokens)
        {
            if (int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                positions.Add(number);
            }
            else if (NumberRecognizer.TryRecognize(token, out var word) && word == decimal.Truncate(word))
            {
                positions.Add((int)word);
            }
        }

        return positions;
    }

    private static List<FoundChoice> MatchIndexes(List<string> tokens, IReadOnlyList<Choice> choices, bool allowMultiple, List<int> positions)
    {
        var found = new List<FoundChoice>();
        foreach (var position in positions)
        {
            if (position < 1 || position > choices.Count || found.Any(f => f.Index == position - 1))
            {
                continue; // out-of-range indexes are ignored
            }

            found.Add(new FoundChoice(choices[position - 1].Value, position - 1, 1.0 / Math.Max(1, tokens.Count)));
        }

        if (!allowMultiple && found.Count > 1)
        {
            return [];
        }

        return found;
    }
}
