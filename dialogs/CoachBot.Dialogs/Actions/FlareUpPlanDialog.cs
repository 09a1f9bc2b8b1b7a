using CoachBot.Content;
using CoachBot.Conversation;
using CoachBot.Conversation.Waterfall;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Turns;

namespace CoachBot.Dialogs.Actions;

/// <summary>
/// "Flare-up plan" from the menu: the plan, the flare-up cycle and how graded training breaks it, and what passive
/// care can and can't do (clinical rules 7.2); then, unless a flare-up is already recorded, whether one is on now. A
/// yes records it (<see cref="FlareUpReport.RecordAsync"/>), so the check-in asks about it and a repeat is escalated.
/// </summary>
internal sealed class FlareUpPlanDialog : WaterfallDialog<NoState>
{
    private readonly DialogServices _services;

    public FlareUpPlanDialog(DialogServices services)
        : base(DialogIds.FlareUpPlan)
    {
        _services = services;
        AddStep(ShowPlanStepAsync);
        AddStep(RecordAnswerStepAsync);
    }

    private async Task<DialogTurnResult> ShowPlanStepAsync(WaterfallStepContext<NoState> step, CancellationToken cancellationToken)
    {
        var texts = _services.Texts;
        foreach (var key in new[] { MessageKeys.Flareup.Plan, MessageKeys.Flareup.Cycle, MessageKeys.Flareup.Passive })
        {
            await step.Context.SendActivityAsync(texts.Get(key), cancellationToken).ConfigureAwait(false);
        }

        var patient = await _services.GetAsync(step.Context, cancellationToken).ConfigureAwait(false);
        if (patient.InFlareUp)
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var ask = Ask.YesNo(texts, MessageKeys.Flareup.AskNow);
        ask.MaxAttempts = 1;
        return await step.PromptAsync(DialogIds.Prompts.Choice, ask, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordAnswerStepAsync(WaterfallStepContext<NoState> step, CancellationToken cancellationToken)
    {
        if (Ask.ChosenIndex(step.Result) == 0)
        {
            var patient = await _services.GetAsync(step.Context, cancellationToken).ConfigureAwait(false);
            await step.Context.SendActivityAsync(_services.Texts.Get(MessageKeys.Flareup.Recorded), cancellationToken).ConfigureAwait(false);
            await FlareUpReport.RecordAsync(_services, step.Context, patient, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await step.Context.SendActivityAsync(_services.Texts.Get(MessageKeys.Flareup.NotNow), cancellationToken).ConfigureAwait(false);
        }

        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
