using System.Text.Json;
using CoachBot.Coaching.Programs;
using CoachBot.Coaching.Screening;
using CoachBot.Content;
using CoachBot.Conversation;
using CoachBot.Conversation.Cards;
using CoachBot.Conversation.Prompts;
using CoachBot.Dialogs.Cards;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;

namespace CoachBot.Dialogs.CheckIn;

/// <summary>
/// The check-in on channels that render Adaptive Cards: one card, one submit, one decision. A submit with a missing
/// or out-of-range answer gets what to fix and the card again with every answer kept; answers that hint at a red flag
/// on a card without the red-flag questions get the card again with them. Typing instead of tapping moves to the text
/// check-in (a typed 0-10 counts as pain now). Both paths hand the same <see cref="CheckInState"/> to
/// <see cref="CheckInRecorder"/>. <see cref="CardGuard"/> has already turned away stale and repeated submits.
/// </summary>
internal sealed class CheckInCardDialog(DialogServices services) : Dialog(DialogIds.CheckInCard)
{
    /// <summary>The same key as a waterfall's state, so <see cref="ActiveCheckIn"/> finds the answers.</summary>
    private const string StateKey = "state";
    private const string ValuesKey = "values";

    private Texts Texts => services.Texts;

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dialogContext, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialogContext);
        var turn = dialogContext.Context;
        var patient = await services.GetAsync(turn, cancellationToken).ConfigureAwait(false);
        var today = services.Today(patient);
        var program = patient.Program ?? StarterProgram.Create(patient.StartBack?.Risk ?? StartBackRisk.Medium);
        var redFlags = RedFlagScreenDue.Weekly(patient, today);
        var layout = new CheckInCardLayout(
            Flare: patient.InFlareUp,
            Trend: PatientHistory.TrendVsLastWeek(program, today, 0) is null,
            RedFlags: redFlags,
            AskCancer: await CancerUnknownAsync(turn, cancellationToken).ConfigureAwait(false));
        var state = new CheckInState { Card = new CheckInCardState { Layout = layout, Instance = Guid.NewGuid().ToString("N") } };
        var proactive = options is CheckInOptions { Proactive: true };
        var greeting = proactive ? Texts.Get(MessageKeys.Checkin.Greeting, ("name", PatientAccess.NameOf(patient, turn))) : Texts.Get(MessageKeys.Checkin.Start);
        await turn.SendActivityAsync(greeting, cancellationToken).ConfigureAwait(false);
        dialogContext.ActiveDialog!.State.Set(StateKey, state);
        await SendCardAsync(turn, state.Card, null, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dialogContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialogContext);
        var turn = dialogContext.Context;
        if (!turn.Activity.IsMessage())
        {
            return EndOfTurn;
        }

        var instance = dialogContext.ActiveDialog!;
        var state = instance.State.Get<CheckInState>(StateKey) ?? new CheckInState();
        var card = state.Card ?? new CheckInCardState();
        if (AdaptiveCards.ReadSubmission(turn.Activity) is { } submission)
        {
            return await OnSubmitAsync(dialogContext, state, card, submission.Values, cancellationToken).ConfigureAwait(false);
        }

        // Typed instead of tapped: the text check-in, one question at a time. The card is no longer waited for.
        var ledger = await services.Cards.GetAsync(turn, () => new CardLedger(), cancellationToken).ConfigureAwait(false);
        ledger.PendingCardId = null;
        ledger.PendingInstance = null;
        await services.Cards.SetAsync(turn, ledger, cancellationToken).ConfigureAwait(false);
        var typed = ScorePrompt.Recognize(PromptInput.GetText(turn.Activity), notSureWords: null)?.Value;
        if (typed is null)
        {
            await turn.SendActivityAsync(Texts.Get(MessageKeys.Card.TypedInstead), cancellationToken).ConfigureAwait(false);
        }

        return await dialogContext.ReplaceDialogAsync(DialogIds.CheckIn, new CheckInOptions(Proactive: false, Greeted: true, PainNow: typed), cancellationToken).ConfigureAwait(false);
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var state = instance.State.Get<CheckInState>(StateKey) ?? new CheckInState();
        return SendCardAsync(turnContext, state.Card ?? new CheckInCardState(), instance.State.Get<JsonElement?>(ValuesKey), cancellationToken);
    }

    private async Task<DialogTurnResult> OnSubmitAsync(DialogContext dialogContext, CheckInState state, CheckInCardState card, JsonElement values, CancellationToken cancellationToken)
    {
        var turn = dialogContext.Context;
        var instance = dialogContext.ActiveDialog!;
        instance.State.Set<JsonElement?>(ValuesKey, values.Clone());
        var (answers, problems, cancer) = CheckInCard.Read(card.Layout, values);
        if (answers is null)
        {
            var list = string.Join("\n", problems.Select(k => "- " + Texts.Get(k)));
            await turn.SendActivityAsync(Texts.Get(MessageKeys.Card.FixIntro) + "\n" + list, cancellationToken).ConfigureAwait(false);
            await SendCardAsync(turn, card, values, cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }

        // What the safety screen noted this turn (the free-text box) stays with the answers.
        answers.SafetyNotes = state.SafetyNotes;
        answers.RedFlagHint = state.RedFlagHint;
        answers.Escalated = state.Escalated;
        answers.Card = card;
        if (!card.Layout.RedFlags && RedFlagScreenDue.Hinted(answers))
        {
            card.Layout = card.Layout with { RedFlags = true };
            state.Card = card;
            instance.State.Set(StateKey, state);
            await turn.SendActivityAsync(Texts.Get(MessageKeys.Card.RedFlagsNeeded), cancellationToken).ConfigureAwait(false);
            await SendCardAsync(turn, card, values, cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }

        if (cancer is bool known)
        {
            var history = await services.History.GetAsync(turn, () => new HistoryAnswers(), cancellationToken).ConfigureAwait(false);
            history.CancerHistory = known;
            await services.History.SetAsync(turn, history, cancellationToken).ConfigureAwait(false);
        }

        var ledger = await services.Cards.GetAsync(turn, () => new CardLedger(), cancellationToken).ConfigureAwait(false);
        ledger.MarkAnswered(card.Instance);
        await services.Cards.SetAsync(turn, ledger, cancellationToken).ConfigureAwait(false);
        await SentCard.ReplaceAsync(Texts, turn, CheckInCard.Build(Texts, card.Layout, Stamp(card), values), values, null, cancellationToken).ConfigureAwait(false);
        instance.State.Set(StateKey, answers);
        if (answers.AnythingElse is not null && !answers.RedFlags.Exists(RedFlagQuestions.IsEmergency))
        {
            await turn.SendActivityAsync(Texts.Get(MessageKeys.Checkin.Noted), cancellationToken).ConfigureAwait(false);
        }

        var recorded = await CheckInRecorder.RecordAsync(services, turn, answers, cancellationToken).ConfigureAwait(false);
        answers.Recorded = true;
        instance.State.Set(StateKey, answers);
        var seen = (await services.GetAsync(turn, cancellationToken).ConfigureAwait(false)).LessonsSeen;
        var lesson = CheckInReply.SuggestLesson(services, recorded.Outcome, seen);
        await DecisionCard.SendAsync(services, turn, recorded, lesson, cancellationToken).ConfigureAwait(false);
        return await dialogContext.EndDialogAsync(recorded.Outcome.Decision, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True while past cancer is not known (asked on the card's red-flag questions only then).</summary>
    private async Task<bool> CancerUnknownAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        (await services.History.GetAsync(turn, () => new HistoryAnswers(), cancellationToken).ConfigureAwait(false)).CancerHistory is null;

    private async Task SendCardAsync(ITurnContext turn, CheckInCardState card, JsonElement? values, CancellationToken cancellationToken)
    {
        var ledger = await services.Cards.GetAsync(turn, () => new CardLedger(), cancellationToken).ConfigureAwait(false);
        ledger.PendingCardId = CardIds.CheckIn;
        ledger.PendingInstance = card.Instance;
        await services.Cards.SetAsync(turn, ledger, cancellationToken).ConfigureAwait(false);
        await turn.SendActivityAsync(CheckInCard.Build(Texts, card.Layout, Stamp(card), values), cancellationToken).ConfigureAwait(false);
    }

    private static CardStamp Stamp(CheckInCardState card) => new(CardIds.CheckIn, CardIds.CheckInVersion, card.Instance);
}
