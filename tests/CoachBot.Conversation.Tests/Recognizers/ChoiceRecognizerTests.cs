using CoachBot.Conversation.Choices;
using CoachBot.Protocol.Schema;

namespace CoachBot.Conversation.Tests.Recognizers;

public class ChoiceRecognizerTests
{
    private static readonly List<Choice> PainTypes =
    [
        new("ache", "aching", "dull"),
        new("stiffness", "stiff", "tight"),
        new("sharp pain", "stabbing", "shooting"),
        new("burning"),
    ];

    [Theory]
    [InlineData("ache", 0)]
    [InlineData("Ache", 0)]
    [InlineData("it's a dull feeling", 0)]
    [InlineData("mostly stiff", 1)]
    [InlineData("sharp pain", 2)]
    [InlineData("a stabbing feeling", 2)]
    [InlineData("the second one", 1)]
    [InlineData("second", 1)]
    [InlineData("the 3rd", 2)]
    [InlineData("last", 3)]
    [InlineData("the last one", 3)]
    [InlineData("second to last", 2)]
    [InlineData("2", 1)]
    [InlineData("4", 3)]
    [InlineData("two", 1)]
    public void Recognize_SingleAnswer_FindsTheChoice(string text, int expectedIndex)
    {
        var found = Assert.Single(ChoiceRecognizer.Recognize(text, PainTypes));

        Assert.Equal(expectedIndex, found.Index);
        Assert.Equal(PainTypes[expectedIndex].Value, found.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("purple")]
    [InlineData("5")]
    [InlineData("0")]
    [InlineData("ache and stiffness")]
    [InlineData("1 and 2")]
    [InlineData("sharpness")]
    public void Recognize_SingleSelectNothingOrAmbiguous_ReturnsNone(string text) =>
        Assert.Empty(ChoiceRecognizer.Recognize(text, PainTypes));

    [Theory]
    [InlineData("ache and stiffness", new[] { 0, 1 })]
    [InlineData("stiffness, ache", new[] { 1, 0 })]
    [InlineData("1, 3", new[] { 0, 2 })]
    [InlineData("1,3", new[] { 0, 2 })]
    [InlineData("the first and the last", new[] { 0, 3 })]
    [InlineData("burning", new[] { 3 })]
    [InlineData("tight and shooting and burning", new[] { 1, 2, 3 })]
    [InlineData("2 and 9", new[] { 1 })]
    public void Recognize_MultiSelect_ReturnsEveryChoiceNamed(string text, int[] expected) =>
        Assert.Equal(expected, ChoiceRecognizer.Recognize(text, PainTypes, allowMultiple: true).Select(f => f.Index));

    [Fact]
    public void Recognize_ButtonTitle_MatchesItsChoice()
    {
        List<Choice> choices = [new("plan-a") { Action = CardAction.ImBack("Gentle plan", "plan-a") }, new("plan-b")];

        Assert.Equal("plan-a", Assert.Single(ChoiceRecognizer.Recognize("gentle plan", choices)).Value);
    }

    [Fact]
    public void Recognize_ShorterChoiceInsideALongerOne_PicksTheLongerOne()
    {
        List<Choice> choices = [new("back"), new("lower back")];

        Assert.Equal("lower back", Assert.Single(ChoiceRecognizer.Recognize("my lower back", choices)).Value);
        Assert.Equal(["lower back"], ChoiceRecognizer.Recognize("my lower back", choices, allowMultiple: true).Select(c => c.Value));
    }

    [Fact]
    public void Recognize_ExactTextWins_OverNumbersInTheChoices()
    {
        List<Choice> choices = [new("3 times a week"), new("daily")];

        Assert.Equal("3 times a week", Assert.Single(ChoiceRecognizer.Recognize("3 times a week", choices)).Value);
    }

    private static readonly List<Choice> Consent =
    [
        new("Yes, that's OK", "yes", "ok"),
        new("No", "no"),
        new("Tell me more", "tell me more", "more info"),
    ];

    [Theory]
    [InlineData("tell me a bit more", 2)]
    [InlineData("can you tell me some more", 2)]
    [InlineData("Yes, that's fine, it's OK", 0)]
    public void Recognize_EveryWordInOrderWithAtMostTwoBetween_FindsTheChoice(string text, int expectedIndex) =>
        Assert.Equal(expectedIndex, Assert.Single(ChoiceRecognizer.Recognize(text, Consent)).Index);

    [Theory]
    [InlineData("my wife thinks I should rest more")]
    [InlineData("what does this cost me")]
    [InlineData("more")]
    [InlineData("tell them what you told me before about more")]
    [InlineData("me more tell")]
    public void Recognize_OneSharedWordOrWordsTooFarApart_IsNoAnswer(string text) =>
        Assert.Empty(ChoiceRecognizer.Recognize(text, Consent));
}
