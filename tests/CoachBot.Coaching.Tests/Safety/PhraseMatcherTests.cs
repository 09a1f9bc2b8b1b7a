using CoachBot.Coaching.Safety;
using CoachBot.Coaching.Tests.Support;

namespace CoachBot.Coaching.Tests.Safety;

public class PhraseMatcherTests
{
    private static readonly HashSet<string> NoFuzzy = ["overdone"];

    [Theory]
    [InlineData("suicidal", "suicidal", true)]
    [InlineData("sucidal", "suicidal", true)]
    [InlineData("suicidla", "suicidal", true)]
    [InlineData("fever", "fevre", false)]
    [InlineData("overdone", "overdose", false)]
    [InlineData("impressed", "depressed", false)]
    [InlineData("hopelessly", "hopeless", false)]
    [InlineData("chemotheropy", "chemotherapy", true)]
    public void WordMatches_TypoRules_AreApplied(string text, string lexicon, bool expected)
    {
        Assert.Equal(expected, PhraseMatcher.WordMatches(text, lexicon, NoFuzzy));
    }

    [Fact]
    public void Find_Wildcard_AllowsUpToTwoWords()
    {
        string[] phrase = ["want", "to", "*", "die"];

        Assert.Single(PhraseMatcher.Find(["i", "want", "to", "die"], phrase, NoFuzzy));
        Assert.Single(PhraseMatcher.Find(["i", "want", "to", "just", "really", "die"], phrase, NoFuzzy));
        Assert.Empty(PhraseMatcher.Find(["want", "to", "a", "b", "c", "die"], phrase, NoFuzzy));
    }

    [Theory]
    [InlineData("Don't  WANT to   be here!!", "do not want to be here")]
    [InlineData("I\u2019m sooo tired", "i am soo tired")]
    [InlineData("café", "cafe")]
    [InlineData("k1lll", "kill")]
    [InlineData("numb. no pain, really", "numb no pain really")]
    public void Tokens_Text_IsNormalised(string text, string expected)
    {
        Assert.Equal(expected, string.Join(" ", TextNormalizer.Tokens(text, Support.TestLexicon.Current.Rewrites)));
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("numb", "", 4)]
    [InlineData("", "numb", 4)]
    [InlineData("numbness", "numbness", 0)]
    [InlineData("numbnes", "numbness", 1)]
    [InlineData("nubmness", "numbness", 1)]
    [InlineData("incontinence", "incontinnece", 1)]
    [InlineData("ca", "abc", 3)]
    public void EditDistance_KnownPairs(string a, string b, int expected) =>
        Assert.Equal(expected, PhraseMatcher.EditDistance(a, b));

    [Fact]
    public void EditDistance_AgreesWithTheFullTable_OnRandomWords()
    {
        var random = new Random(20261122);
        for (var n = 0; n < 20_000; n++)
        {
            var a = RandomWord(random, random.Next(0, 14));
            var b = RandomWord(random, random.Next(0, n % 50 == 0 ? 120 : 14)); // now and then longer than the stack rows
            Assert.True(PhraseMatcher.EditDistance(a, b) == FullTable(a, b), $"'{a}' / '{b}'");
        }
    }

    private static string RandomWord(Random random, int length) =>
        string.Create(length, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = "abcde"[r.Next(5)];
            }
        });

    [Fact]
    public void Find_WithTokenMatches_FindsExactlyWhatThePlainSearchFinds_ForEveryLexiconPhrase()
    {
        // Messages made of lexicon words (some with a typo), the lexicon's no-fuzzy words and filler, screened for
        // every phrase of the real lexicon: the per-message word cache, with or without the lexicon's word index,
        // must find exactly what the plain search below finds.
        var lexicon = TestLexicon.Current;
        var phrases = lexicon.Concepts.Values.SelectMany(c => c.Terms).Concat(lexicon.Triggers.Select(t => t.Phrase))
            .Concat(lexicon.Terminators).Concat(lexicon.NotTriggers).Select(p => p.Tokens).ToList();
        var words = phrases.SelectMany(p => p).Where(w => w != PhraseMatcher.Wildcard).Distinct(StringComparer.Ordinal)
            .Select(w => w == PhraseMatcher.Number ? "30" : PhraseMatcher.IsPrefix(w) ? w[..^1] + "ing" : w)
            .Concat(lexicon.NoFuzzy).Concat(["i", "the", "my", "back", "today", "a", "bit", "and", "legs", "boxes"]).ToArray();
        var random = new Random(20261122);
        var spans = 0;
        for (var message = 0; message < 300; message++)
        {
            var tokens = new string[random.Next(1, 25)];
            for (var i = 0; i < tokens.Length; i++)
            {
                var word = words[random.Next(words.Length)];
                tokens[i] = random.Next(4) == 0 && word.Length > 2 ? Typo(word, random) : word;
            }

            var lazy = new TokenMatches(tokens, lexicon.NoFuzzy);
            var indexed = new TokenMatches(tokens, lexicon.NoFuzzy, LexiconWords.Of(lexicon));
            foreach (var phrase in phrases)
            {
                var plain = PlainFind(tokens, phrase, lexicon.NoFuzzy);
                Assert.Equal(plain, PhraseMatcher.Find(tokens, phrase, lexicon.NoFuzzy).ToList());
                Assert.Equal(plain, PhraseMatcher.Find(lazy, phrase).ToList());
                Assert.Equal(plain, PhraseMatcher.Find(indexed, phrase).ToList());
                for (var start = 0; start < tokens.Length; start++)
                {
                    var at = plain.FindIndex(s => s.Start == start);
                    var expected = at >= 0 ? plain[at].End : -1;
                    Assert.Equal(expected, PhraseMatcher.MatchAt(lazy, start, phrase));
                    Assert.Equal(expected, PhraseMatcher.MatchAt(indexed, start, phrase));
                }

                spans += plain.Count;
            }
        }

        Assert.True(spans > 1_000, $"only {spans} spans found: the messages hardly exercise the lexicon");
    }

    /// <summary>The plain search, word by word at every position, kept here as the reference.</summary>
    private static List<(int Start, int End)> PlainFind(string[] tokens, IReadOnlyList<string> phrase, IReadOnlySet<string> noFuzzy)
    {
        var spans = new List<(int Start, int End)>();
        for (var start = 0; phrase.Count > 0 && start < tokens.Length; start++)
        {
            var end = PlainMatchFrom(tokens, start, phrase, 0, noFuzzy);
            if (end >= 0)
            {
                spans.Add((start, end));
            }
        }

        return spans;
    }

    private static int PlainMatchFrom(string[] tokens, int at, IReadOnlyList<string> phrase, int p, IReadOnlySet<string> noFuzzy)
    {
        if (p == phrase.Count)
        {
            return at;
        }

        if (phrase[p] == PhraseMatcher.Wildcard)
        {
            for (var skip = 0; skip <= 2 && at + skip <= tokens.Length; skip++)
            {
                var end = PlainMatchFrom(tokens, at + skip, phrase, p + 1, noFuzzy);
                if (end >= 0)
                {
                    return end;
                }
            }

            return -1;
        }

        return at < tokens.Length && PhraseMatcher.WordMatches(tokens[at], phrase[p], noFuzzy)
            ? PlainMatchFrom(tokens, at + 1, phrase, p + 1, noFuzzy)
            : -1;
    }

    private static string Typo(string word, Random random)
    {
        var chars = word.ToCharArray();
        var i = random.Next(1, chars.Length - 1);
        (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
        return new string(chars);
    }

    /// <summary>The textbook optimal string alignment table, kept here as the reference.</summary>
    private static int FullTable(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
