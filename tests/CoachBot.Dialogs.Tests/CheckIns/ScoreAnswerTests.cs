using CoachBot.Content;
using CoachBot.Dialogs.Shared;
using CoachBot.Dialogs.Tests.Support;

namespace CoachBot.Dialogs.Tests.CheckIns;

/// <summary>A 0-10 score read with the one "not sure" word list of content/vocabulary.</summary>
public sealed class ScoreAnswerTests
{
    private static readonly IReadOnlyList<string> NotSure = Vocabulary.Load(TestContent.Root).Words(WordLists.NotSure);

    [Theory]
    [InlineData("not sure")]
    [InlineData("I can't remember")]
    [InlineData("dunno")]
    [InlineData("maybe, I don't know")]
    public void NotSureWords_AreAnAnswerWithoutAValue(string text) => Assert.Null(Assert.IsType<ScoreAnswer>(ScorePrompt.Recognize(text, NotSure)).Value);

    [Theory]
    [InlineData("maybe a 6", 6)]
    [InlineData("not sure, about 3", 3)]
    [InlineData("7/10", 7)]
    public void ANumberGivenWithThem_Wins(string text, int expected) => Assert.Equal(expected, ScorePrompt.Recognize(text, NotSure)?.Value);

    [Fact]
    public void WithoutTheList_NotSureIsNoAnswer() => Assert.Null(ScorePrompt.Recognize("not sure", notSureWords: null));
}
