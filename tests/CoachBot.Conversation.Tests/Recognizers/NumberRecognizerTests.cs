using CoachBot.Conversation.Choices;

namespace CoachBot.Conversation.Tests.Recognizers;

public class NumberRecognizerTests
{
    [Theory]
    [InlineData("6", 6)]
    [InlineData("six", 6)]
    [InlineData("Six", 6)]
    [InlineData("6/10", 6)]
    [InlineData("6 / 10", 6)]
    [InlineData("6 out of 10", 6)]
    [InlineData("six out of ten", 6)]
    [InlineData("10/10", 10)]
    [InlineData("about a 7", 7)]
    [InlineData("I'd say a 7 today.", 7)]
    [InlineData("7.5", 7.5)]
    [InlineData("seven and a half", 7.5)]
    [InlineData("ten", 10)]
    [InlineData("11", 11)]
    [InlineData("zero", 0)]
    [InlineData("0", 0)]
    [InlineData("-2", -2)]
    [InlineData("twenty-one", 21)]
    [InlineData("twenty one", 21)]
    [InlineData("7!", 7)]
    [InlineData("it's 8 of 10", 8)]
    [InlineData("5 or five", 5)]
    public void TryRecognize_Answer_FindsTheNumber(string text, double expected)
    {
        Assert.True(NumberRecognizer.TryRecognize(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("no idea")]
    [InlineData("5 or 6")]
    [InlineData("between 3 and 4")]
    [InlineData("6-7")]
    [InlineData("pain-free")]
    public void TryRecognize_NoneOrAmbiguous_Fails(string? text) => Assert.False(NumberRecognizer.TryRecognize(text, out _));
}
