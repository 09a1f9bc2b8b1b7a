using CoachBot.Content;
using CoachBot.Conversation;
using CoachBot.Conversation.Waterfall;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Turns;

namespace CoachBot.Dialogs.CheckIn;

/// <summary>
/// The short red-flag screen: one yes/no question per flag, looping by replacing itself. Stops at the first
/// emergency flag (no need to ask more). "Not sure" and no answer count as yes (the cautious reading). Static
/// history (cancer) is asked only while it is not known: a clear yes or no is kept in <see cref="HistoryAnswers"/>.
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
        step.State.Found = [.. options.Found];
        step.State.Only = options.Only is { } only ? [.. only] : null;
        if (options.Index == 0 && options.Only is null)
        {
            await step.Context.SendActivityAsync(_services.Texts.Get(MessageKeys.Redflag.Intro), cancellationToken).ConfigureAwait(false);
        }

        var history = await _services.History.GetAsync(step.Context, () => new HistoryAnswers(), cancellationToken).ConfigureAwait(false);
        var index = options.Index;
        while (index < RedFlagQuestions.All.Count && ((RedFlagQuestions.IsStaticHistory(RedFlagQuestions.All[index].Flag) && history.CancerHistory is not null) || step.State.Only?.Contains(RedFlagQuestions.All[index].Flag) == false))
        {
            index++; // known already, or not in the onboarding's follow-up: not asked
        }

        if (index >= RedFlagQuestions.All.Count)
        {
            return await FinishAsync(step, cancellationToken).ConfigureAwait(false);
        }

        step.State.Index = index;
        var (flag, key) = RedFlagQuestions.All[index];
        key = step.State.Only is null ? key : RedFlagQuestions.OnboardingKey(flag, key);
        return await step.PromptAsync(DialogIds.Prompts.Choice, Ask.YesNoNotSure(_services.Texts, key), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordAnswerStepAsync(WaterfallStepContext<RedFlagScreenState> step, CancellationToken cancellationToken)
    {
        var flag = RedFlagQuestions.All[step.State.Index].Flag;
        var found = step.State.Found;
        var chosen = Ask.ChosenIndex(step.Result);
        if (chosen != 1)
        {
            found.Add(flag);
        }

        if (RedFlagQuestions.IsStaticHistory(flag) && chosen is 0 or 1)
        {
            var history = await _services.History.GetAsync(step.Context, () => new HistoryAnswers(), cancellationToken).ConfigureAwait(false);
            history.CancerHistory = chosen == 0;
            await _services.History.SetAsync(step.Context, history, cancellationToken).ConfigureAwait(false);
        }

        var next = step.State.Index + 1;
        if (next >= RedFlagQuestions.All.Count || found.Exists(RedFlagQuestions.IsEmergency))
        {
            return await FinishAsync(step, cancellationToken).ConfigureAwait(false);
        }

        return await step.ReplaceDialogAsync(Id, new RedFlagScreenOptions(next, found, step.State.Only), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> FinishAsync(WaterfallStepContext<RedFlagScreenState> step, CancellationToken cancellationToken)
    {
        if (step.State.Found.Count == 0 && step.State.Only is null)
        {
            await step.Context.SendActivityAsync(_services.Texts.Get(MessageKeys.Redflag.AllClear), cancellationToken).ConfigureAwait(false);
        }

        return await step.EndDialogAsync(new RedFlagScreenResult(step.State.Found), cancellationToken).ConfigureAwait(false);
    }
}
