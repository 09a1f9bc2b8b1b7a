using CoachBot.Conversation;
using CoachBot.Conversation.Waterfall;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Turns;

namespace CoachBot.Dialogs.CheckIn;

/// <summary>
/// The short red-flag screen: one yes/no question per flag, looping by replacing itself. Stops at the first
/// emergency flag (no need to ask more). "Not sure" and no answer count as yes (the cautious reading).
/// </summary>
internal sealed class RedFlagScreenDialog : WaterfallDialog<RedFlagScreenState>
{
    private readonly DialogServices _services;

    public RedFlagScreenDialog(DialogServices services)
        : base(DialogIds.RedFlagScreen)
    {
        _services = services;
        AddStep(AskQuestionStepAsync);
        AddStep(RecordAnswerStepAsync);
    }

    private async Task<DialogTurnResult> AskQuestionStepAsync(WaterfallStepContext<RedFlagScreenState> step, CancellationToken cancellationToken)
    {
        var options = step.GetOptions<RedFlagScreenOptions>() ?? new RedFlagScreenOptions(0, []);
        step.State.Index = options.Index;
        step.State.Found = [.. options.Found];
        if (options.Index == 0)
        {
            await step.Context.SendActivityAsync(_services.Texts.Get(Keys.RedFlagIntro), cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(DialogIds.Prompts.Choice, Ask.YesNoNotSure(_services.Texts, RedFlagQuestions.All[options.Index].Key), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordAnswerStepAsync(WaterfallStepContext<RedFlagScreenState> step, CancellationToken cancellationToken)
    {
        var flag = RedFlagQuestions.All[step.State.Index].Flag;
        var found = step.State.Found;
        if (Ask.ChosenIndex(step.Result) != 1)
        {
            found.Add(flag);
        }

        var next = step.State.Index + 1;
        if (next >= RedFlagQuestions.All.Count || found.Exists(RedFlagQuestions.IsEmergency))
        {
            if (found.Count == 0)
            {
                await step.Context.SendActivityAsync(_services.Texts.Get(Keys.RedFlagAllClear), cancellationToken).ConfigureAwait(false);
            }

            return await step.EndDialogAsync(new RedFlagScreenResult(found), cancellationToken).ConfigureAwait(false);
        }

        return await step.ReplaceDialogAsync(Id, new RedFlagScreenOptions(next, found), cancellationToken).ConfigureAwait(false);
    }
}
