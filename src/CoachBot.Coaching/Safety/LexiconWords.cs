using System.Runtime.CompilerServices;

namespace CoachBot.Coaching.Safety;

/// <summary>
/// Every word of a lexicon's phrases, indexed for screening: a set for exact look-up, and the words of six letters
/// or more (the only ones a typo may match, <see cref="PhraseMatcher.WordMatches"/>) by first letter. A message
/// token is then compared only with the few words it could match, not with the whole lexicon. Built once per
/// lexicon (the lexicon is a record, so the index is kept beside it, not in it).
/// </summary>
internal sealed class LexiconWords
{
    private const int ShortestTypoWord = 6;
    private static readonly ConditionalWeakTable<SafetyLexicon, LexiconWords> Built = new();
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<char, string[]> _typoCandidates;

    private LexiconWords(SafetyLexicon lexicon)
    {
        IEnumerable<LexiconEntry> entries = [.. lexicon.SelfHarm, .. lexicon.Imminence, .. lexicon.Distress, .. lexicon.NotTriggers,
            .. lexicon.AorticEmergency, .. lexicon.RedFlags.Values.SelectMany(e => e)];
        foreach (var word in entries.SelectMany(e => e.AllOf).SelectMany(g => g).SelectMany(p => p.Tokens))
        {
            if (word != PhraseMatcher.Wildcard)
            {
                _words.Add(word);
            }
        }

        _typoCandidates = _words.Where(w => w.Length >= ShortestTypoWord)
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

    /// <summary>Adds to <paramref name="into"/> every lexicon word that <paramref name="token"/> matches.</summary>
    public void AddMatches(string token, IReadOnlySet<string> noFuzzy, List<string> into)
    {
        if (_words.Contains(token))
        {
            into.Add(token);
        }

        if (token.Length == 0 || !_typoCandidates.TryGetValue(token[0], out var candidates) || noFuzzy.Contains(token))
        {
            return;
        }

        foreach (var word in candidates)
        {
            if (!string.Equals(word, token, StringComparison.Ordinal) && PhraseMatcher.WordMatches(token, word, noFuzzy))
            {
                into.Add(word);
            }
        }
    }
}
