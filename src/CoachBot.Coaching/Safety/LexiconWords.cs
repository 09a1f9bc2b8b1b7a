using System.Runtime.CompilerServices;

namespace CoachBot.Coaching.Safety;

/// <summary>
/// Every word of a lexicon's terms, triggers and idioms, indexed for screening: a set for exact look-up, the prefix
/// words (numb*) and the words a typo may match (six letters or more) by first letter. A message token is then
/// compared only with the few words it could match (<see cref="PhraseMatcher.WordMatches"/>), not with the whole
/// lexicon. Built once per lexicon (the lexicon is a record, so the index is kept beside it, not in it).
/// </summary>
internal sealed class LexiconWords
{
    private const int ShortestTypoWord = 6;
    private static readonly ConditionalWeakTable<SafetyLexicon, LexiconWords> Built = new();
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<char, string[]> _candidates;

    private LexiconWords(SafetyLexicon lexicon)
    {
        IEnumerable<LexiconPhrase> phrases = [.. lexicon.Concepts.Values.SelectMany(c => c.Terms), .. lexicon.Triggers.Select(t => t.Phrase),
            .. lexicon.Terminators, .. lexicon.NotTriggers];
        foreach (var word in phrases.SelectMany(p => p.Tokens))
        {
            if (word != PhraseMatcher.Wildcard)
            {
                _words.Add(word);
            }
        }

        _candidates = _words.Where(w => PhraseMatcher.IsPrefix(w) || w.Length >= ShortestTypoWord)
            .GroupBy(w => w[0])
            .ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToArray());
    }

    /// <summary>The index of a lexicon.</summary>
    public static LexiconWords Of(SafetyLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        return Built.GetValue(lexicon, static l => new LexiconWords(l));
    }

    /// <summary>Whether the word occurs in one of the lexicon's phrases.</summary>
    public bool Contains(string word) => _words.Contains(word);

    /// <summary>Whether the token matches some lexicon word (a known word is never split in two).</summary>
    public bool Knows(string token, IReadOnlySet<string> noFuzzy)
    {
        var found = new List<string>();
        AddMatches(token, noFuzzy, found);
        return found.Count > 0;
    }

    /// <summary>Adds to <paramref name="into"/> every lexicon word that <paramref name="token"/> matches.</summary>
    public void AddMatches(string token, IReadOnlySet<string> noFuzzy, List<string> into)
    {
        if (token.Length == 0)
        {
            return;
        }

        if (_words.Contains(token))
        {
            into.Add(token);
        }

        foreach (var stem in (ReadOnlySpan<int>)[1, 2])
        {
            if (token.Length > stem + 1 && _words.Contains(token[..^stem]) && PhraseMatcher.IsPlural(token, token[..^stem]))
            {
                into.Add(token[..^stem]);
            }
        }

        if (_words.Contains(PhraseMatcher.Number) && token.All(char.IsAsciiDigit))
        {
            into.Add(PhraseMatcher.Number);
        }

        if (!_candidates.TryGetValue(token[0], out var candidates))
        {
            return;
        }

        foreach (var word in candidates)
        {
            if (!string.Equals(word, token, StringComparison.Ordinal) && !into.Contains(word) && PhraseMatcher.WordMatches(token, word, noFuzzy))
            {
                into.Add(word);
            }
        }
    }
}
