using System.Runtime.InteropServices;

namespace CoachBot.Coaching.Safety;

/// <summary>
/// The tokens of one message, and which of them each lexicon word matches (<see cref="PhraseMatcher.WordMatches"/>).
/// With the lexicon's <see cref="LexiconWords"/> index, every token is looked up once, up front, among the few words
/// it could match; a word of that lexicon found for no token matches nothing. Any other word is compared with the
/// tokens the first time it is asked about. Either way a word's comparisons are made once per message, not once
/// per phrase and position. With the index, the phrases of the lexicon that can occur at all are also known up
/// front: those whose first word some token matches.
/// </summary>
internal sealed class TokenMatches
{
    private readonly IReadOnlyList<string> _tokens;
    private readonly IReadOnlySet<string> _noFuzzy;
    private readonly LexiconWords? _index;
    private readonly Dictionary<string, bool[]?> _byWord = new(StringComparer.Ordinal);
    private readonly HashSet<IReadOnlyList<string>> _possible = new(ReferenceEqualityComparer.Instance);

    public TokenMatches(IReadOnlyList<string> tokens, IReadOnlySet<string> noFuzzy, LexiconWords? index = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(noFuzzy);
        _tokens = tokens;
        _noFuzzy = noFuzzy;
        _index = index;
        if (index is null)
        {
            return;
        }

        var matched = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            matched.Clear();
            index.AddMatches(tokens[i], noFuzzy, matched);
            foreach (var word in matched)
            {
                ref var hits = ref CollectionsMarshal.GetValueRefOrAddDefault(_byWord, word, out _);
                (hits ??= new bool[tokens.Count])[i] = true;
            }
        }

        foreach (var word in _byWord.Keys)
        {
            _possible.UnionWith(index.PhrasesStartingWith(word));
        }
    }

    /// <summary>How many tokens the message has.</summary>
    public int Count => _tokens.Count;

    /// <summary>Whether token <paramref name="at"/> matches the lexicon word.</summary>
    public bool Matches(int at, string word) => HitsOf(word) is { } hits && hits[at];

    /// <summary>Whether token <paramref name="at"/> matches one of the words.</summary>
    public bool MatchesAny(int at, IEnumerable<string> words) => words.Any(w => Matches(at, w));

    /// <summary>False when some word of the phrase (not a wildcard) matches no token, so the phrase cannot occur.</summary>
    public bool CanOccur(IReadOnlyList<string> phrase)
    {
        if (_index is not null && _index.IsFiled(phrase) && !_possible.Contains(phrase))
        {
            return false; // one of the lexicon's phrases, and no token matched its first word
        }

        foreach (var word in phrase)
        {
            if (word != PhraseMatcher.Wildcard && HitsOf(word) is null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Per token, whether it matches the word; null when none does.</summary>
    private bool[]? HitsOf(string word)
    {
        if (_byWord.TryGetValue(word, out var known))
        {
            return known;
        }

        if (_index is not null && _index.Contains(word))
        {
            return null; // a lexicon word no token matched
        }

        bool[]? hits = null;
        for (var i = 0; i < _tokens.Count; i++)
        {
            if (PhraseMatcher.WordMatches(_tokens[i], word, _noFuzzy))
            {
                (hits ??= new bool[_tokens.Count])[i] = true;
            }
        }

        _byWord[word] = hits;
        return hits;
    }
}
