using CoachBot.Content;
using CoachBot.Conversation;
using CoachBot.Conversation.Waterfall;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Turns;

namespace CoachBot.Dialogs.Actions;

/// <summary>"Stop": confirms, then pauses proactive check-ins in the patient record (the scheduler honours it).</summary>
internal sealed class StopCheckInsDialog : WaterfallDialog<NoState>
{
    private readonly DialogServices _services;

    public StopCheckInsDialog(DialogServices services)
        : base(DialogIds.StopCheckIns)
    {
        _services = services;
        AddStep(AskConfirmStepAsync);
        AddStep(RecordConfirmStepAsync);
    }

    private Task<DialogTurnResult> AskConfirmStepAsync(WaterfallStepContext<NoState> step, CancellationToken cancellationToken) =>
        step.PromptAsync(DialogIds.Prompts.Choice, Ask.Choices(_services.Texts, MessageKeys.StopCheckins.Confirm, MessageKeys.Retry.YesNo, [(MessageKeys.StopCheckins.OptionPause, WordLists.StopPause), (MessageKeys.StopCheckins.OptionKeep, WordLists.StopKeep)]), cancellationToken);

    private async Task<DialogTurnResult> RecordConfirmStepAsync(WaterfallStepContext<NoState> step, CancellationToken cancellationToken)
    {
        var pause = Ask.ChosenIndex(step.Result) == 0;
        if (pause)
        {
            await _services.UpdateAsync(step.Context, p => p with { CheckInsActive = false }, cancellationToken).ConfigureAwait(false);
        }

        await step.Context.SendActivityAsync(_services.Texts.Get(pause ? MessageKeys.StopCheckins.Done : MessageKeys.StopCheckins.Kept), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
