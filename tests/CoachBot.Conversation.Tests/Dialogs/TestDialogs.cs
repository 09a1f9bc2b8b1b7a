using CoachBot.Conversation.Prompts;
using CoachBot.Conversation.Waterfall;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;

namespace CoachBot.Conversation.Tests.Dialogs;

/// <summary>
/// A small check-in dialog used by the engine tests. Its "texts" are message keys, standing in for the
/// content catalog (no patient wording in code).
/// </summary>
internal sealed class CheckInDialog : ComponentDialog
{
    public const string DialogId = "test.checkin";

    public CheckInDialog(int stepCount = 4)
        : base(DialogId)
    {
        WaterfallStep<CheckInState>[] steps = [AskNameStepAsync, AskPainStepAsync, AskConfirmStepAsync, SummaryStepAsync];
        AddDialog(new WaterfallDialog<CheckInState>("test.checkin.steps", steps.Take(stepCount)));
        AddDialog(new TextPrompt("test.prompt.text"));
        AddDialog(new NumberPrompt<int>("test.prompt.pain") { Min = 0, Max = 10 });
        AddDialog(new ConfirmPrompt("test.prompt.confirm"));
    }

    public static PromptOptions Ask(string key, int? maxAttempts = null) => new()
    {
        Prompt = Activity.CreateMessage(key),
        RetryPrompt = Activity.CreateMessage(key + ".retry"),
        MaxAttempts = maxAttempts,
    };

    private static Task<DialogTurnResult> AskNameStepAsync(WaterfallStepContext<CheckInState> step, CancellationToken ct) =>
        step.PromptAsync("test.prompt.text", Ask("ask.name"), ct);

    private static Task<DialogTurnResult> AskPainStepAsync(WaterfallStepContext<CheckInState> step, CancellationToken ct)
    {
        step.State.Name = step.ResultAs<string>();
        return step.PromptAsync("test.prompt.pain", Ask("ask.pain"), ct);
    }

    private static Task<DialogTurnResult> AskConfirmStepAsync(WaterfallStepContext<CheckInState> step, CancellationToken ct)
    {
        step.State.Pain = step.IsNoAnswer ? null : step.ResultAs<int>();
        return step.PromptAsync("test.prompt.confirm", Ask("ask.confirm"), ct);
    }

    private static async Task<DialogTurnResult> SummaryStepAsync(WaterfallStepContext<CheckInState> step, CancellationToken ct)
    {
        step.State.Confirmed = step.ResultAs<bool>();
        await step.Context.SendActivityAsync($"summary:{step.State.Name}:{step.State.Pain}:{step.State.Confirmed}", ct);
        return await step.EndDialogAsync(step.State, ct);
    }
}

/// <summary>The typed state of <see cref="CheckInDialog"/>.</summary>
internal sealed class CheckInState
{
    public string? Name { get; set; }

    public int? Pain { get; set; }

    public bool Confirmed { get; set; }
}

/// <summary>A bot that runs <see cref="CheckInDialog"/> with help/cancel interruptions.</summary>
internal sealed class CheckInBot : IBot
{
    private readonly DialogRunner _runner;

    public CheckInBot(Protocol.State.ConversationState conversationState)
    {
        _runner = new DialogRunner(new CheckInDialog(), conversationState);
        _runner.Dialogs.Interruptions.Add(new HelpAndCancel());
    }

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.IsMessage())
        {
            await _runner.RunAsync(turnContext, cancellationToken: cancellationToken);
        }
    }
}

/// <summary>Help re-asks the pending question; cancel ends everything.</summary>
internal sealed class HelpAndCancel : IDialogInterruption
{
    public async Task<DialogTurnResult?> InterruptAsync(DialogContext dialogContext, CancellationToken cancellationToken = default)
    {
        switch (dialogContext.Context.Activity.Text?.Trim().ToLowerInvariant())
        {
            case "help":
                await dialogContext.Context.SendActivityAsync("help.text", cancellationToken);
                await dialogContext.RepromptDialogAsync(cancellationToken);
                return Dialog.EndOfTurn;
            case "cancel":
                await dialogContext.Context.SendActivityAsync("cancel.ack", cancellationToken);
                return await dialogContext.CancelAllDialogsAsync(cancellationToken);
            default:
                return null;
        }
    }
}
