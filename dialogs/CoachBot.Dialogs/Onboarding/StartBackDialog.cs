using CoachBot.Coaching.Screening;
using CoachBot.Content;
using CoachBot.Conversation;
using CoachBot.Conversation.Waterfall;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Turns;

namespace CoachBot.Dialogs.Onboarding;

/// <summary>
/// The 9 STarT Back questions, one per turn; the core scores them. Items 1-8 are agree/disagree (no answer counts
/// as disagree), item 9 is how much the back bothered the patient. Returns the <see cref="StartBackResult"/>.
/// </summary>
internal sealed class StartBackDialog : WaterfallDialog<StartBackState>
{
    private readonly DialogServices _services;

    public StartBackDialog(DialogServices services)
        : base(DialogIds.StartBack)
    {
        _services = services;
        AddStep(AskItemStepAsync);
        for (var i = 0; i < StartBack.AgreeItemCount; i++)
        {
            AddStep(RecordItemStepAsync);
        }

        AddStep(RecordBothersomenessStepAsync);
    }

    private Texts Texts => _services.Texts;

    private async Task<DialogTurnResult> AskItemStepAsync(WaterfallStepContext<StartBackState> step, CancellationToken cancellationToken)
    {
        await step.Context.SendActivityAsync(Texts.Get(MessageKeys.Startback.Intro), cancellationToken).ConfigureAwait(false);
        return await AskAgreeAsync(step, 0, cancellationToken).ConfigureAwait(false);
    }

    private Task<DialogTurnResult> RecordItemStepAsync(WaterfallStepContext<StartBackState> step, CancellationToken cancellationToken)
    {
        step.State.Agree.Add(Ask.ChosenIndex(step.Result) == 0);
        var next = step.State.Agree.Count;
        if (next < StartBack.AgreeItemCount)
        {
            return AskAgreeAsync(step, next, cancellationToken);
        }

        var options = Keys.StartBackQ9Options.Select((k, i) => (k, (string?)Q9WordLists[i]));
        return step.PromptAsync(DialogIds.Prompts.Choice, Ask.Choices(Texts, MessageKeys.Startback.Q9, MessageKeys.Retry.Choice, options), cancellationToken);
    }

    private Task<DialogTurnResult> RecordBothersomenessStepAsync(WaterfallStepContext<StartBackState> step, CancellationToken cancellationToken)
    {
        var item9 = (Bothersomeness)(Ask.ChosenIndex(step.Result) ?? (int)Bothersomeness.Moderately);
        return step.EndDialogAsync(StartBack.Score(step.State.Agree, item9), cancellationToken);
    }

    private Task<DialogTurnResult> AskAgreeAsync(WaterfallStepContext<StartBackState> step, int item, CancellationToken cancellationToken) =>
        step.PromptAsync(
            DialogIds.Prompts.Choice,
            Ask.Choices(Texts, Keys.StartBackQuestions[item], MessageKeys.Retry.Choice, [(MessageKeys.Startback.OptionAgree, WordLists.StartBackAgree), (MessageKeys.Startback.OptionDisagree, WordLists.StartBackDisagree)]),
            cancellationToken);

    private static readonly string[] Q9WordLists =
    [
        WordLists.StartBackBotherNotAtAll, WordLists.StartBackBotherSlightly, WordLists.StartBackBotherModerately,
        WordLists.StartBackBotherVeryMuch, WordLists.StartBackBotherExtremely,
    ];
}
