using System.Text.Json;
using CoachBot.Conversation.Prompts;
using CoachBot.Conversation.Waterfall;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;
using CoachBot.Testing;

namespace CoachBot.Conversation.Tests.Dialogs;

public class WaterfallDialogTests
{
    [Fact]
    public async Task Waterfall_MultiTurn_CollectsTypedStateAndCompletes()
    {
        await using var client = new DialogTestClient(new CheckInDialog());

        Assert.Equal("ask.name", (await client.SendActivityAsync("hi"))!.Text);
        Assert.Equal("ask.pain", (await client.SendActivityAsync("Sam"))!.Text);
        Assert.Equal("ask.confirm", (await client.SendActivityAsync("about a 7"))!.Text);
        Assert.Equal("summary:Sam:7:True", (await client.SendActivityAsync("yep"))!.Text);

        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult!.Status);
        var result = Assert.IsType<CheckInState>(client.DialogTurnResult.Result);
        Assert.Equal(("Sam", 7, true), (result.Name, result.Pain, result.Confirmed));
    }

    [Fact]
    public async Task Waterfall_StepIndex_IsPersistedBetweenTurns()
    {
        await using var client = new DialogTestClient(new CheckInDialog());

        await client.SendActivityAsync("hi");
        await client.SendActivityAsync("Sam");

        var stored = (await client.Adapter.Storage.ReadAsync(["test/conversations/conv-1"]))["test/conversations/conv-1"];
        var stack = JsonDocument.Parse(stored.Json).RootElement.GetProperty("DialogState").GetProperty("dialogStack");
        Assert.Equal(CheckInDialog.DialogId, stack[0].GetProperty("id").GetString());
        var inner = stack[0].GetProperty("state").GetProperty("dialogs").GetProperty("dialogStack");
        Assert.Equal("test.prompt.pain", inner[0].GetProperty("id").GetString());
        Assert.Equal(1, inner[1].GetProperty("state").GetProperty("stepIndex").GetInt32());
        Assert.Equal("Sam", inner[1].GetProperty("state").GetProperty("state").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Waterfall_NextAsync_RunsTheNextStepInTheSameTurn()
    {
        var dialog = new WaterfallDialog("loop", [
            (step, ct) => step.NextAsync("skipped-ahead", ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync((string)step.Result! + ":" + step.Reason, ct);
                return step.EndOfTurn();
            },
            (step, ct) => step.EndDialogAsync(step.Result, ct),
        ]);
        await using var client = new DialogTestClient(dialog);

        Assert.Equal("skipped-ahead:NextCalled", (await client.SendActivityAsync("go"))!.Text);
        await client.SendActivityAsync("final text");

        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult!.Status);
        Assert.Equal("final text", client.DialogTurnResult.Result);
    }

    [Fact]
    public async Task Waterfall_NextAsyncTwice_Throws()
    {
        WaterfallStepContext<WaterfallValues>? captured = null;
        var dialog = new WaterfallDialog("twice", [
            async (step, ct) =>
            {
                captured = step;
                return await step.NextAsync(null, ct);
            },
            (step, ct) => Task.FromResult(step.EndOfTurn()),
        ]);
        await using var client = new DialogTestClient(dialog);

        await client.SendActivityAsync("go");

        await Assert.ThrowsAsync<InvalidOperationException>(() => captured!.NextAsync());
    }

    [Fact]
    public async Task Waterfall_UntypedValues_PersistAcrossTurns()
    {
        var dialog = new WaterfallDialog("values", [
            (step, ct) =>
            {
                step.Values.Set("first", step.Context.Activity.Text);
                return Task.FromResult(step.EndOfTurn());
            },
            (step, ct) => step.EndDialogAsync(step.Values.Get<string>("first") + "+" + step.ResultAs<string>(), ct),
        ]);
        await using var client = new DialogTestClient(dialog);

        await client.SendActivityAsync("one");
        await client.SendActivityAsync("two");

        Assert.Equal("one+two", client.DialogTurnResult!.Result);
    }

    [Fact]
    public async Task Waterfall_ReplaceDialog_LoopsWithFreshState()
    {
        var dialog = new WaterfallDialog<LoopState>("counter", [
            async (step, ct) =>
            {
                var round = step.GetOptions<LoopState>()?.Round ?? 0;
                await step.Context.SendActivityAsync("round:" + round, ct);
                step.State.Round = round;
                return step.EndOfTurn();
            },
            (step, ct) => step.ResultAs<string>() == "again"
                ? step.ReplaceDialogAsync("counter", new LoopState { Round = step.State.Round + 1 }, ct)
                : step.EndDialogAsync(step.State.Round, ct),
        ]);
        await using var client = new DialogTestClient(dialog);

        Assert.Equal("round:0", (await client.SendActivityAsync("start"))!.Text);
        Assert.Equal("round:1", (await client.SendActivityAsync("again"))!.Text);
        Assert.Equal("round:2", (await client.SendActivityAsync("again"))!.Text);
        await client.SendActivityAsync("stop");

        Assert.Equal(2, client.DialogTurnResult!.Result);
        Assert.Single(client.Adapter.Connector.Sent, a => a.Text == "round:2");
    }

    [Fact]
    public async Task Waterfall_NonMessageActivity_DoesNotAdvance()
    {
        await using var client = new DialogTestClient(new CheckInDialog());
        await client.SendActivityAsync("hi");

        var invoke = await client.Adapter.SendActivityAsync(new Activity { Type = ActivityTypes.Invoke, Name = "adaptiveCard/action" });
        await client.Adapter.SendActivityAsync(new Activity { Type = ActivityTypes.Event, Name = "webchat/join" });
        await client.Adapter.SendActivityAsync(new Activity { Type = ActivityTypes.Typing });

        Assert.Null(invoke); // no invoke response from the dialog: the endpoint answers 501
        Assert.Null(client.GetNextReply());
        Assert.Equal(DialogTurnStatus.Waiting, client.DialogTurnResult!.Status);
        Assert.Equal("ask.pain", (await client.SendActivityAsync("Sam"))!.Text);
    }

    [Fact]
    public async Task Waterfall_CardSubmitWhileWaiting_BecomesTheStepResult()
    {
        var dialog = new WaterfallDialog("card", [
            (step, ct) => Task.FromResult(step.EndOfTurn()),
            (step, ct) => step.EndDialogAsync(step.ResultAs<Dictionary<string, string>>()!["painScore"], ct),
        ]);
        await using var client = new DialogTestClient(dialog);
        await client.SendActivityAsync("start");

        await client.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Value = JsonDocument.Parse("""{"painScore":"4"}""").RootElement });

        Assert.Equal("4", client.DialogTurnResult!.Result);
    }

    [Fact]
    public void GetVersion_IsIdPlusStepCount_OrExplicit()
    {
        Assert.Equal("w:3", new WaterfallDialog("w", [Step, Step, Step]).GetVersion());
        Assert.Equal("w:v2", new WaterfallDialog("w", [Step], version: "v2").GetVersion());

        static Task<DialogTurnResult> Step(WaterfallStepContext<WaterfallValues> step, CancellationToken ct) => Task.FromResult(step.EndOfTurn());
    }

    private sealed class LoopState
    {
        public int Round { get; set; }
    }
}
