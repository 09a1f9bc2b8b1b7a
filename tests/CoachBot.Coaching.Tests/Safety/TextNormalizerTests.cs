using CoachBot.Coaching.Safety;

namespace CoachBot.Coaching.Tests.Safety;

/// <summary>Accent folding in the safety screen's normaliser, done with the runtime's canonical decomposition (FormD).</summary>
public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Crème brûlée", "creme brulee")]
    [InlineData("SÙICÍDÉ", "suicide")]
    [InlineData("e\u0301tat", "etat")] // already decomposed: the same as the precomposed letter
    [InlineData("\u00E9tat", "etat")]
    [InlineData("Ångström", "angstrom")]
    [InlineData("ἀγάπη", "αγαπη")]
    [InlineData("Ёлка й", "елка и")]
    public void Accents_AreRemoved(string text, string expected)
    {
        Assert.Equal(expected.Split(' '), TextNormalizer.Tokens(text));
    }

    [Fact]
    public void HangulSyllables_AreDecomposedIntoLetters()
    {
        Assert.Equal(["\u1100\u1161\u1112\u1161\u11AB"], TextNormalizer.Tokens("가한"));
    }

    [Fact]
    public void LoneSurrogates_BecomeSpaces()
    {
        Assert.Equal(["kill", "myself"], TextNormalizer.Tokens("k\u00EFll\uD800myself"));
    }
}
