using CoachBot.Coaching.CheckIns;

namespace CoachBot.Coaching.Safety;

/// <summary>
/// Screens free text for self-harm, distress and red flags (clinical rules 2 and 3.2) with a
/// <see cref="SafetyLexicon"/>. Meant to run on every message. There is deliberately no negation parsing:
/// "I'm not suicidal" still counts. A match that lies wholly inside a known idiom ("this pain is killing me")
/// is ignored; anything reaching outside the idiom still counts.
/// </summary>
public static class SafetyScreen
{
    /// <summary>Screens one message; null or blank text finds nothing.</summary>
    public static SafetyFindings Screen(SafetyLexicon lexicon, string? text)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        var tokens = TextNormalizer.Tokens(text, lexicon.Rewrites);
        if (tokens.Count == 0)
        {
            return SafetyFindings.Empty;
        }

        var screen = new Scan(tokens, lexicon);
        var matches = new List<SafetyMatch>();
        var selfHarm = screen.Matches("selfHarm", lexicon.SelfHarm, matches);
        var imminent = selfHarm && screen.Matches("imminence", lexicon.Imminence, matches);
        var distress = !selfHarm && screen.Matches("distress", lexicon.Distress, matches);

        var flags = new HashSet<RedFlag>();
        foreach (var (flag, entries) in lexicon.RedFlags)
        {
            if (screen.Matches(WireNames.ToWire(flag), entries, matches))
            {
                flags.Add(flag);
            }
        }

        var aortic = screen.Matches("aorticEmergency", lexicon.AorticEmergency, matches);
        return new SafetyFindings
        {
            SelfHarm = imminent ? SelfHarmClass.Imminent
                : selfHarm ? SelfHarmClass.SelfHarm
                : distress ? SelfHarmClass.Distress
                : SelfHarmClass.None,
            RedFlags = flags,
            AorticEmergency = aortic,
            Matches = matches,
        };
    }

    /// <summary>Token list plus the idiom spans that mask matches wholly inside them.</summary>
    private sealed class Scan
    {
        private readonly TokenMatches _matches;
        private readonly List<(int Start, int End)> _idioms;

        public Scan(IReadOnlyList<string> tokens, SafetyLexicon lexicon)
        {
            _matches = new TokenMatches(tokens, lexicon.NoFuzzy, LexiconWords.Of(lexicon));
            _idioms = [];
            foreach (var entry in lexicon.NotTriggers)
            {
                foreach (var group in entry.AllOf)
                {
                    foreach (var phrase in group)
                    {
                        _idioms.AddRange(PhraseMatcher.Find(_matches, phrase.Tokens));
                    }
                }
            }
        }

        /// <summary>Records the first matching entry of a category and says whether any matched.</summary>
        /// <remarks>Runs on every message, so it is written without LINQ and stops at the first group that fails.</remarks>
        public bool Matches(string category, IReadOnlyList<LexiconEntry> entries, List<SafetyMatch> found)
        {
            for (var e = 0; e < entries.Count; e++)
            {
                var allOf = entries[e].AllOf;
                List<LexiconPhrase>? hits = null;
                var all = true;
                for (var g = 0; g < allOf.Count; g++)
                {
                    var hit = FirstLiveMatch(allOf[g]);
                    if (hit is null)
                    {
                        all = false;
                        break;
                    }

                    (hits ??= []).Add(hit);
                }

                if (all)
                {
                    found.Add(new SafetyMatch(category, hits is null ? string.Empty : string.Join(" + ", hits.Select(h => h.Text))));
                    return true;
                }
            }

            return false;
        }

        private LexiconPhrase? FirstLiveMatch(IReadOnlyList<LexiconPhrase> group)
        {
            for (var i = 0; i < group.Count; i++)
            {
                if (HasLiveMatch(group[i]))
                {
                    return group[i];
                }
            }

            return null;
        }

        /// <summary>Whether the phrase occurs somewhere not wholly inside a known idiom.</summary>
        private bool HasLiveMatch(LexiconPhrase phrase)
        {
            if (!_matches.CanOccur(phrase.Tokens))
            {
                return false;
            }

            for (var start = 0; start < _matches.Count; start++)
            {
                var end = PhraseMatcher.MatchAt(_matches, start, phrase.Tokens);
                if (end >= 0 && !InsideIdiom(start, end))
                {
                    return true;
                }
            }

            return false;
        }

        private bool InsideIdiom(int start, int end)
        {
            foreach (var (idiomStart, idiomEnd) in _idioms)
            {
                if (idiomStart <= start && end <= idiomEnd)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
