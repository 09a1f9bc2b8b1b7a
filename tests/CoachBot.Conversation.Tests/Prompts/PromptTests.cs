using System.Text.Json;
using CoachBot.Conversation.Choices;
using CoachBot.Conversation.Prompts;
using CoachBot.Conversation.Waterfall;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;
using CoachBot.Storage;
using CoachBot.Testing;

namespace CoachBot.Conversation.Tests.Prompts;

public class PromptTests
{
    private static readonly List<Choice> PainTypes = [new("ache", "aching"), new("stiffness", "stiff"), new("sharp pain", "stabbing")];

    /// <summary>A one-prompt dialog: asks, then ends with the prompt's value.</summary>
    private sealed class Ask : ComponentDialog
    {
        public Ask(Dialog prompt, PromptOptions options)
            : base("test.ask")
        {
            AddDialog(new WaterfallDialog("test.ask.steps", [
                (step, ct) => step.PromptAsync(prompt.Id, options, ct),
                (step, ct) => step.EndDialogAsync(step.Result, ct),
            ]));
            AddDialog(prompt);
        }
    }

    private static PromptOptions Options(int? maxAttempts = null, List<Choice>? choices = null, ListStyle style = ListStyle.Auto) => new()
    {
        Prompt = Activity.CreateMessage("ask.question"),
        RetryPrompt = Activity.CreateMessage("ask.retry"),
        MaxAttempts = maxAttempts,
        Choices = choices,
        Style = style,
    };

    [Fact]
    public async Task NumberPrompt_OutOfRange_GetsRetryPromptThenAcceptsAValidAnswer()
    {
        await using var client = new DialogTestClient(new Ask(new NumberPrompt<int>("pain") { Min = 0, Max = 10 }, Options()));

        var question = await client.SendActivityAsync("start");
        Assert.Equal(("ask.question", InputHints.ExpectingInput), (question!.Text, question.InputHint));
        Assert.Equal("ask.retry", (await client.SendActivityAsync("11"))!.Text);
        Assert.Equal("ask.retry", (await client.SendActivityAsync("7.5"))!.Text); // integer prompt: no fractions
        Assert.Null(await client.SendActivityAsync("6/10"));

        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult!.Status);
        Assert.Equal(6, client.DialogTurnResult.Result);
    }

    [Theory]
    [InlineData("7.5", 7.5)]
    [InlineData("seven and a half", 7.5)]
    [InlineData("ten", 10.0)]
    public async Task NumberPrompt_Decimal_AcceptsFractions(string answer, double expected)
    {
        await using var client = new DialogTestClient(new Ask(new NumberPrompt<double>("pain") { Min = 0, Max = 10 }, Options()));
        await client.SendActivityAsync("start");

        await client.SendActivityAsync(answer);

        Assert.Equal(expected, client.DialogTurnResult!.Result);
    }

    [Theory]
    [InlineData("6", true, 6)]
    [InlineData("six", true, 6)]
    [InlineData("about a 7", true, 7)]
    [InlineData("11", false, 0)]
    [InlineData("-1", false, 0)]
    [InlineData("7.5", false, 0)]
    [InlineData("a lot", false, 0)]
    public void NumberPrompt_TryConvert_Table(string text, bool ok, int expected)
    {
        var prompt = new NumberPrompt<int>("p") { Min = 0, Max = 10 };

        Assert.Equal(ok, prompt.TryConvert(text, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public async Task Prompt_MaxAttemptsReached_EndsWithNoAnswer()
    {
        await using var client = new DialogTestClient(new Ask(new NumberPrompt<int>("pain") { Min = 0, Max = 10 }, Options(maxAttempts: 2)));
        await client.SendActivityAsync("start");

        Assert.Equal("ask.retry", (await client.SendActivityAsync("purple"))!.Text);
        Assert.Null(await client.SendActivityAsync("still purple"));

        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult!.Status);
        Assert.Same(PromptNoAnswer.Instance, client.DialogTurnResult.Result);
    }

    [Fact]
    public async Task Prompt_DefaultMaxAttempts_StopsAnEndlessLoop()
    {
        await using var client = new DialogTestClient(new Ask(new TextPrompt("text", (_, _) => Task.FromResult(false)), Options()));
        await client.SendActivityAsync("start");

        for (var i = 0; i < 3; i++)
        {
            await client.SendActivityAsync("answer " + i);
        }

        Assert.IsType<PromptNoAnswer>(client.DialogTurnResult!.Result);
    }

    [Fact]
    public async Task Validator_SeesAttemptCount_AndItsOwnMessageSuppressesTheRetryPrompt()
    {
        var attempts = new List<int>();
        PromptValidator<string> validator = async (context, ct) =>
        {
            attempts.Add(context.AttemptCount);
            if (context.Recognized.Value == "bad")
            {
                await context.Context.SendActivityAsync("validator.says", ct);
                return false;
            }

            return context.Recognized.Succeeded && context.Recognized.Value != "silent-bad";
        };
        await using var client = new DialogTestClient(new Ask(new TextPrompt("text", validator), Options(maxAttempts: 5)));
        await client.SendActivityAsync("start");

        Assert.Equal("validator.says", (await client.SendActivityAsync("bad"))!.Text);
        Assert.Null(client.GetNextReply());
        Assert.Equal("ask.retry", (await client.SendActivityAsync("silent-bad"))!.Text);
        await client.SendActivityAsync("good");

        Assert.Equal([1, 2, 3], attempts);
        Assert.Equal("good", client.DialogTurnResult!.Result);
    }

    [Fact]
    public async Task Prompt_NonMessageActivities_NeverSatisfyItNorCountAsAttempts()
    {
        await using var client = new DialogTestClient(new Ask(new TextPrompt("text"), Options(maxAttempts: 1)));
        await client.SendActivityAsync("start");

        await client.Adapter.SendActivityAsync(new Activity { Type = ActivityTypes.Event, Name = "ping", Value = JsonDocument.Parse("""{"text":"x"}""").RootElement });
        await client.Adapter.SendActivityAsync(new Activity { Type = ActivityTypes.Invoke, Name = "adaptiveCard/action" });
        Assert.Equal(DialogTurnStatus.Waiting, client.DialogTurnResult!.Status);
        await client.SendActivityAsync("real answer");

        Assert.Equal("real answer", client.DialogTurnResult!.Result);
    }

    [Theory]
    [InlineData("""{"painScore":"7"}""", null)]
    [InlineData("""{"painScore":7,"msteams":{"type":"messageBack"}}""", null)]
    [InlineData("""{"painScore":7,"formId":"checkin"}""", "painScore")]
    [InlineData("""{"value":7,"formId":"checkin"}""", null)]
    public async Task Prompt_CardSubmit_IsUnderstoodNotReasked(string value, string? submitField)
    {
        var options = Options();
        options.SubmitField = submitField;
        await using var client = new DialogTestClient(new Ask(new NumberPrompt<int>("pain") { Min = 0, Max = 10 }, options));
        await client.SendActivityAsync("start");

        var reply = await client.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = "", Value = JsonDocument.Parse(value).RootElement });

        Assert.Null(reply);
        Assert.Equal(7, client.DialogTurnResult!.Result);
    }

    [Fact]
    public async Task ChoicePrompt_RendersSuggestedActionsAndRecognisesOrdinals()
    {
        await using var client = new DialogTestClient(new Ask(new ChoicePrompt("type"), Options(choices: PainTypes)));

        var question = await client.SendActivityAsync("start");
        Assert.Equal(["ache", "stiffness", "sharp pain"], question!.SuggestedActions!.Actions.Select(a => a.Title));
        Assert.All(question.SuggestedActions.Actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));
        await client.SendActivityAsync("the second one");

        var found = Assert.IsType<FoundChoice>(client.DialogTurnResult!.Result);
        Assert.Equal(("stiffness", 1), (found.Value, found.Index));
    }

    [Fact]
    public async Task ChoicePrompt_TeamsWithMoreThanThreeChoices_UsesAHeroCard()
    {
        List<Choice> four = [.. PainTypes, new("burning")];
        await using var client = new DialogTestClient(new Ask(new ChoicePrompt("type"), Options(choices: four)));
        client.Adapter.Conversation = TestAdapter.CreateReference("a:teams-1", "29:u", Channels.MsTeams);

        var question = await client.SendActivityAsync("start");

        Assert.Null(question!.SuggestedActions);
        var card = Assert.Single(question.Attachments!);
        Assert.Equal(ChoiceRendering.HeroCardContentType, card.ContentType);
        Assert.Equal(4, card.Content!.Value.GetProperty("buttons").GetArrayLength());
    }

    [Fact]
    public async Task ChoicePrompt_StyleNone_RendersNoButtons()
    {
        await using var client = new DialogTestClient(new Ask(new ChoicePrompt("type"), Options(choices: PainTypes, style: ListStyle.None)));

        var question = await client.SendActivityAsync("start");

        Assert.Null(question!.SuggestedActions);
        Assert.Null(question.Attachments);
    }

    [Fact]
    public async Task MultiChoicePrompt_ReturnsSeveralChoices()
    {
        await using var client = new DialogTestClient(new Ask(new MultiChoicePrompt("types"), Options(choices: PainTypes)));
        await client.SendActivityAsync("start");

        Assert.Equal("ask.retry", (await client.SendActivityAsync("no idea"))!.Text);
        await client.SendActivityAsync("ache and stiffness");

        var found = Assert.IsAssignableFrom<IReadOnlyList<FoundChoice>>(client.DialogTurnResult!.Result);
        Assert.Equal(["ache", "stiffness"], found.Select(f => f.Value));
    }

    [Fact]
    public async Task MultiChoicePrompt_NumberList_IsUnderstood()
    {
        await using var client = new DialogTestClient(new Ask(new MultiChoicePrompt("types"), Options(choices: PainTypes)));
        await client.SendActivityAsync("start");

        await client.SendActivityAsync("1, 3");

        Assert.Equal(["ache", "sharp pain"], ((IReadOnlyList<FoundChoice>)client.DialogTurnResult!.Result!).Select(f => f.Value));
    }

    [Theory]
    [InlineData("yeah", true)]
    [InlineData("nope", false)]
    [InlineData("Sounds good", true)]
    [InlineData("Not now", false)]
    [InlineData("2", false)]
    public async Task ConfirmPrompt_WordsAndButtonTitles_AreUnderstood(string answer, bool expected)
    {
        var options = Options(choices: [new("Sounds good"), new("Not now")]);
        await using var client = new DialogTestClient(new Ask(new ConfirmPrompt("confirm"), options));

        var question = await client.SendActivityAsync("start");
        await client.SendActivityAsync(answer);

        Assert.Equal(["Sounds good", "Not now"], question!.SuggestedActions!.Actions.Select(a => a.Title));
        Assert.Equal(expected, client.DialogTurnResult!.Result);
    }

    [Fact]
    public async Task ConfirmPrompt_UnclearAnswer_IsReasked()
    {
        await using var client = new DialogTestClient(new Ask(new ConfirmPrompt("confirm"), Options()));
        await client.SendActivityAsync("start");

        Assert.Equal("ask.retry", (await client.SendActivityAsync("maybe"))!.Text);
    }

    [Fact]
    public async Task Prompt_CallersActivity_IsNotMutatedBySending()
    {
        var options = Options();
        await using var client = new DialogTestClient(new Ask(new TextPrompt("text"), options));

        await client.SendActivityAsync("start");

        Assert.Null(options.Prompt!.Conversation);
        Assert.Null(options.Prompt.InputHint);
    }

    [Fact]
    public async Task Prompt_BegunWithoutPromptOptions_Throws()
    {
        var dialog = new WaterfallDialog("bad", [(step, ct) => step.BeginDialogAsync("text", "not options", ct)]);
        var root = new Wrapper(dialog, new TextPrompt("text"));
        var errors = new List<Exception>();
        await using var adapter = new TestAdapter(async (turn, ct) =>
        {
            try
            {
                await new DialogRunner(root, new Protocol.State.ConversationState(new Storage.MemoryStorage())).RunAsync(turn, cancellationToken: ct);
            }
            catch (ArgumentException ex)
            {
                errors.Add(ex);
            }
        });

        await adapter.SendTextAsync("go");

        Assert.Contains("PromptOptions", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    private sealed class Wrapper : ComponentDialog
    {
        public Wrapper(params Dialog[] dialogs)
            : base("wrapper")
        {
            foreach (var dialog in dialogs)
            {
                AddDialog(dialog);
            }
        }
    }
}
