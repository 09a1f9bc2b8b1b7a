namespace CoachBot.Coaching.Safety;

/// <summary>
/// The tokens of one message, and which of them each lexicon word matches (<see cref="PhraseMatcher.WordMatches"/>),
/// worked out the first time the word is asked about. A lexicon word occurs in many phrases; its comparisons with
/// the message, typo-tolerant ones included, are made once per message.
/// </summary>
internal sealed class TokenMatches
{
    private readonly IReadOnlyList<string> _tokens;
    private readonly IReadOnlySet<string> _noFuzzy;
    private readonly Dictionary<string, bool[]?> _byWord = new(StringComparer.Ordinal);

    public TokenMatches(IReadOnlyList<string> tokens, IReadOnlySet<string> noFuzzy)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(noFuzzy);
        _tokens = tokens;
        _noFuzzy = noFuzzy;
    }

    /// <summary>How many tokens the message has.</summary>
    public int Count => _tokens.Count;

    /// <summary>Whether token <paramref name="at"/> matches the lexicon word.</summary>
    public bool Matches(int at, string word) => HitsOf(word) is { } hits && hits[at];

    /// <summary>False when some word of the phrase (not a wildcard) matches no token, so the phrase cannot occur.</summary>
    public bool CanOccur(IReadOnlyList<string> phrase)
    {
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
