using CoachBot.Testing;

namespace CoachBot.Conversation.Tests.Dialogs;

public class InterruptionTests
{
    [Fact]
    public async Task Help_WhileWaiting_AnswersAndRepromptsWithoutLosingTheStep()
    {
        await using var adapter = TestAdapter.Create<CheckInBot>();

        await new TestFlow(adapter)
            .Send("hi").AssertReply("ask.name")
            .Send("Sam").AssertReply("ask.pain")
            .Send("help").AssertReply("help.text").AssertReply("ask.pain").AssertNoReply()
            .Send("4").AssertReply("ask.confirm")
            .Send("yes").AssertReply("summary:Sam:4:True")
            .StartTestAsync();
    }

    [Fact]
    public async Task Cancel_WhileWaiting_EndsEverythingAndTheNextMessageStartsAgain()
    {
        await using var adapter = TestAdapter.Create<CheckInBot>();

        await new TestFlow(adapter)
            .Send("hi").AssertReply("ask.name")
            .Send("Sam").AssertReply("ask.pain")
            .Send("cancel").AssertReply("cancel.ack").AssertNoReply()
            .Send("hello again").AssertReply("ask.name")
            .StartTestAsync();
    }

    [Fact]
    public async Task Interruption_DoesNotRunWhenNoDialogIsActive()
    {
        await using var adapter = TestAdapter.Create<CheckInBot>();

        await new TestFlow(adapter).Send("help").AssertReply("ask.name").AssertNoReply().StartTestAsync();
    }
}
