using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CoachBot.Coaching.Safety;

/// <summary>
/// Every word of a lexicon's terms, triggers and idioms, indexed for screening: a set for exact look-up, the prefix
/// words (numb*) and the words a typo may match (six letters or more) by first letter. A message token is then
/// compared only with the few words it could match (<see cref="PhraseMatcher.WordMatches"/>), not with the whole
/// lexicon. Each phrase is also filed under its first word, so a message is checked only against the phrases whose
/// first word it contains. Built once per lexicon (the lexicon is a record, so the index is kept beside it, not in it).
/// </summary>
internal sealed class LexiconWords
{
    private const int ShortestTypoWord = 6;
    private static readonly ConditionalWeakTable<SafetyLexicon, LexiconWords> Built = new();
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<char, string[]> _candidates;
    private readonly Dictionary<string, List<IReadOnlyList<string>>> _phrasesByFirstWord = new(StringComparer.Ordinal);
    private readonly HashSet<IReadOnlyList<string>> _filed = new(ReferenceEqualityComparer.Instance);

    private LexiconWords(SafetyLexicon lexicon)
    {
        IEnumerable<LexiconPhrase> phrases = [.. lexicon.Concepts.Values.SelectMany(c => c.Terms), .. lexicon.Triggers.Select(t => t.Phrase),
            .. lexicon.Terminators, .. lexicon.NotTriggers];
        foreach (var phrase in phrases)
        {
            _words.UnionWith(phrase.Tokens.Where(w => w != PhraseMatcher.Wildcard));
            if (phrase.Tokens.FirstOrDefault(w => w != PhraseMatcher.Wildcard) is { } first)
            {
                ref var filed = ref CollectionsMarshal.GetValueRefOrAddDefault(_phrasesByFirstWord, first, out _);
                (filed ??= []).Add(phrase.Tokens);
                _filed.Add(phrase.Tokens);
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

    /// <summary>The token lists of the phrases whose first word (not a wildcard) is <paramref name="word"/>.</summary>
    public IReadOnlyList<IReadOnlyList<string>> PhrasesStartingWith(string word) =>
        _phrasesByFirstWord.TryGetValue(word, out var phrases) ? phrases : [];

    /// <summary>Whether these are the tokens of one of the lexicon's own phrases (the same list, not an equal one).</summary>
    public bool IsFiled(IReadOnlyList<string> phrase) => _filed.Contains(phrase);

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
