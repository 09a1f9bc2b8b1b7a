using CoachBot.Conversation.Choices;

namespace CoachBot.Conversation.Tests.Recognizers;

public class ConfirmRecognizerTests
{
    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yes!", true)]
    [InlineData("yeah", true)]
    [InlineData("yep", true)]
    [InlineData("sure", true)]
    [InlineData("ok", true)]
    [InlineData("OK", true)]
    [InlineData("y", true)]
    [InlineData("yes please", true)]
    [InlineData("no", false)]
    [InlineData("nope", false)]
    [InlineData("nah", false)]
    [InlineData("n", false)]
    [InlineData("No thanks.", false)]
    [InlineData("I don't", false)]
    public void TryRecognize_YesOrNo_IsUnderstood(string text, bool expected)
    {
        Assert.True(ConfirmRecognizer.TryRecognize(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("maybe")]
    [InlineData("not sure")]
    [InlineData("yes and no")]
    [InlineData(null)]
    public void TryRecognize_UnclearAnswer_Fails(string? text) => Assert.False(ConfirmRecognizer.TryRecognize(text, out _));
}
