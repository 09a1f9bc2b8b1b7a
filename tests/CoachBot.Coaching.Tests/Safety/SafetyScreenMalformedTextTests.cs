using CoachBot.Coaching.Safety;
using CoachBot.Coaching.Tests.Support;

namespace CoachBot.Coaching.Tests.Safety;

/// <summary>
/// Text from a channel may hold lone surrogates (broken emoji, truncated UTF-16). The screen must still read the
/// words around them: a crash here would turn a crisis message into a failed turn.
/// </summary>
public class SafetyScreenMalformedTextTests
{
    // Built in code: theory data would be re-encoded by the test runner, which repairs lone surrogates.
    private static readonly string[] Crisis =
    [
        "I want to kill myself " + '\ud800',
        '\udfff' + "I want to kill myself",
        "I want to kill" + '\ud83d' + " myself",
        "I want to " + '\udc00' + '\ud800' + "kill myself",
    ];

    // Noncharacters that string normalisation refuses.
    private static readonly string[] CrisisWithNoncharacters =
    [
        "I want to kill myself\uFFFE",
        "\uFFFE\uFFFFI want to kill myself",
    ];

    [Fact]
    public void Screen_LoneSurrogates_StillFindsSelfHarm()
    {
        foreach (var text in Crisis)
        {
            Assert.True(char.IsSurrogate(text, text.IndexOf(text.First(char.IsSurrogate))));
            Assert.True(SafetyScreen.Screen(TestLexicon.Current, text).SelfHarm >= SelfHarmClass.SelfHarm);
        }
    }

    [Fact]
    public void Screen_Noncharacters_StillFindsSelfHarm()
    {
        foreach (var text in CrisisWithNoncharacters)
        {
            Assert.True(SafetyScreen.Screen(TestLexicon.Current, text).SelfHarm >= SelfHarmClass.SelfHarm);
        }
    }

    [Fact]
    public void Tokens_LoneSurrogate_IsASpaceAndPairedEmojiStay()
    {
        Assert.Equal(["back", "pain"], TextNormalizer.Tokens("back" + '\ud800' + "pain"));
        Assert.Equal(["back", "pain"], TextNormalizer.Tokens("back \U0001F600 pain"));
    }
}
