using CoachBot.Coaching.Safety;

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
    [InlineData("I\u2019m sooo tired", "i am so tired")]
    [InlineData("café", "cafe")]
    [InlineData("k1ll", "kil")]
    public void Tokens_Text_IsNormalised(string text, string expected)
    {
        Assert.Equal(expected, string.Join(" ", TextNormalizer.Tokens(text, Support.TestLexicon.Current.Rewrites)));
    }
}
