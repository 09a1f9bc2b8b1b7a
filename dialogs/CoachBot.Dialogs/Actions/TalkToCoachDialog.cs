using CoachBot.Coaching.Policy;
using CoachBot.Content;
using CoachBot.Conversation;
using CoachBot.Conversation.Waterfall;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Turns;

namespace CoachBot.Dialogs.Actions;

/// <summary>"Talk to a coach": asks what it is about, records a routine escalation with the patient's words, and says when to expect a reply.</summary>
internal sealed class TalkToCoachDialog : WaterfallDialog<NoState>
{
    private readonly DialogServices _services;

    public TalkToCoachDialog(DialogServices services)
        : base(DialogIds.TalkToCoach)
    {
        _services = services;
        AddStep(AskMessageStepAsync);
        AddStep(RecordMessageStepAsync);
    }

    private Task<DialogTurnResult> AskMessageStepAsync(WaterfallStepContext<NoState> step, CancellationToken cancellationToken) =>
        step.PromptAsync(DialogIds.Prompts.Text, Ask.Text(_services.Texts, MessageKeys.Coach.AskMessage, MessageKeys.Coach.AskMessage), cancellationToken);

    private async Task<DialogTurnResult> RecordMessageStepAsync(WaterfallStepContext<NoState> step, CancellationToken cancellationToken)
    {
        await _services.EscalateAsync(step.Context, RuleTable.LevelOf(RuleTable.CoachRequest), [RuleTable.CoachRequest], "the patient asked to talk to a coach", step.Result as string, cancellationToken).ConfigureAwait(false);
        await step.Context.SendActivityAsync(_services.Texts.Get(MessageKeys.Coach.RequestAck), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
