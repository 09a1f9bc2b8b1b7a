using CoachBot.Conversation.Tests.Dialogs;
using CoachBot.Testing;

namespace CoachBot.Conversation.Tests.Scripts;

public class ConversationScriptTests
{
    [Theory]
    [InlineData("checkin-happy.transcript")]
    [InlineData("checkin-cancel.transcript")]
    public async Task Script_File_PlaysThroughTheBot(string file)
    {
        var script = ConversationScript.Load(Path.Combine(AppContext.BaseDirectory, "Scripts", file));
        await using var adapter = TestAdapter.Create<CheckInBot>();

        await script.RunAsync(adapter);

        Assert.NotEmpty(script.Lines);
    }

    [Fact]
    public async Task Script_WrongExpectation_FailsNamingTheLine()
    {
        var script = ConversationScript.Parse("user: hi\n\n# comment\nbot: something else\n");
        await using var adapter = TestAdapter.Create<CheckInBot>();

        var error = await Assert.ThrowsAsync<TestAssertionException>(() => script.RunAsync(adapter));

        Assert.Contains("line 4", error.Message, StringComparison.Ordinal);
        Assert.Contains("ask.name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_UnexpectedExtraReply_Fails()
    {
        var script = ConversationScript.Parse("user: hi\nuser: Sam\n");
        await using var adapter = TestAdapter.Create<CheckInBot>();

        var error = await Assert.ThrowsAsync<TestAssertionException>(() => script.RunAsync(adapter));

        Assert.Contains("does not expect", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("robot: hi", "Line 1")]
    [InlineData("user: a\nuser.submit: [1]", "Line 2: user.submit needs a JSON object")]
    [InlineData("user.submit: {oops", "Line 1: user.submit is not valid JSON")]
    public void Parse_BadLine_ThrowsFormatExceptionWithTheLineNumber(string text, string expected) =>
        Assert.StartsWith(expected, Assert.Throws<FormatException>(() => ConversationScript.Parse(text)).Message, StringComparison.Ordinal);

    [Fact]
    public async Task Script_Buttons_AreChecked()
    {
        var script = ConversationScript.Parse("user: go\nbot: pick\nbot.buttons: ache | stiffness\n");
        await using var adapter = new TestAdapter((turn, ct) =>
        {
            var activity = Protocol.Schema.Activity.CreateMessage("pick");
            Choices.ChoiceRendering.Apply(activity, [new("ache"), new("stiffness")], Choices.ListStyle.SuggestedAction, turn.Activity);
            return Protocol.Turns.TurnContextExtensions.SendActivityAsync(turn, activity, ct);
        });

        await script.RunAsync(adapter);

        Assert.Equal(3, script.Lines.Count);
    }
}
