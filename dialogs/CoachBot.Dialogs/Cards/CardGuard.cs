using CoachBot.Content;
using CoachBot.Conversation;
using CoachBot.Conversation.Cards;
using CoachBot.Dialogs.CheckIn;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Turns;

namespace CoachBot.Dialogs.Cards;

/// <summary>
/// Answers card submits that no dialog is waiting for, after the safety screen and before anything else: a second
/// submit of a card instance already answered gets one short reply (nothing is recorded twice); a card of an older
/// version, or an older copy of the check-in card, gets "that card is out of date" and the current card; the lesson
/// offer's buttons send the lesson or "OK, later". A submit of the card the bot is waiting for goes on to its dialog.
/// </summary>
internal sealed class CardGuard(DialogServices services) : IDialogInterruption
{
    public async Task<DialogTurnResult?> InterruptAsync(DialogContext dialogContext, CancellationToken cancellationToken = default)
    {
        var turn = dialogContext.Context;
        if (AdaptiveCards.ReadSubmission(turn.Activity) is not { } submission)
        {
            return null;
        }

        var stamp = submission.Stamp;
        var ledger = await services.Cards.GetAsync(turn, () => new CardLedger(), cancellationToken).ConfigureAwait(false);
        if (ledger.Answered.Contains(stamp.Instance, StringComparer.Ordinal))
        {
            await turn.SendActivityAsync(services.Texts.Get(MessageKeys.Card.AlreadyAnswered), cancellationToken).ConfigureAwait(false);
            return Dialog.EndOfTurn;
        }

        if (stamp.CardId == CardIds.LessonOffer && stamp.Version == CardIds.LessonOfferVersion)
        {
            ledger.MarkAnswered(stamp.Instance);
            var offer = string.Equals(ledger.OfferInstance, stamp.Instance, StringComparison.Ordinal) ? ledger.OfferCard : null;
            ledger.OfferCard = null;
            ledger.OfferInstance = null;
            await services.Cards.SetAsync(turn, ledger, cancellationToken).ConfigureAwait(false);
            if (offer is not null)
            {
                var shown = AdaptiveCards.Message(System.Text.Json.Nodes.JsonNode.Parse(offer)!.AsObject());
                await SentCard.ReplaceAsync(services.Texts, turn, shown, submission.Values, SentCard.ChosenTitle(shown, submission.Action), cancellationToken).ConfigureAwait(false);
            }

            var lessonId = AdaptiveCards.GetString(submission.Values, DecisionCard.LessonField);
            if (submission.Action == DecisionCard.ReadAction && lessonId is not null && services.Content.Lessons.All.Any(l => l.Id == lessonId))
            {
                await LessonSender.SendAsync(services, turn, lessonId, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await turn.SendActivityAsync(services.Texts.Get(MessageKeys.Lesson.LaterOk), cancellationToken).ConfigureAwait(false);
            }

            return Dialog.EndOfTurn;
        }

        var waited = string.Equals(ledger.PendingInstance, stamp.Instance, StringComparison.Ordinal)
            && string.Equals(ledger.PendingCardId, stamp.CardId, StringComparison.Ordinal)
            && stamp.Version == CardIds.VersionOf(stamp.CardId)
            && IsOnStack(dialogContext.Stack, CardIds.DialogOf(stamp.CardId));
        if (waited)
        {
            return null;
        }

        await turn.SendActivityAsync(services.Texts.Get(MessageKeys.Card.OutOfDate), cancellationToken).ConfigureAwait(false);
        if (dialogContext.ActiveDialog is not null)
        {
            await dialogContext.RepromptDialogAsync(cancellationToken).ConfigureAwait(false); // the current card (or question) again
            return Dialog.EndOfTurn;
        }

        var patient = await services.GetAsync(turn, cancellationToken).ConfigureAwait(false);
        if (stamp.CardId == CardIds.CheckIn && patient.Onboarded && !patient.CoachHoldsConversation)
        {
            return await dialogContext.BeginDialogAsync(DialogIds.Main, new MainOptions(ProactiveCheckIn: false, CheckIn: true), cancellationToken).ConfigureAwait(false);
        }

        return await dialogContext.BeginDialogAsync(DialogIds.Main, new MainOptions(ProactiveCheckIn: false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the dialog that waits for the card is on the stack (it may have been cancelled since).</summary>
    private static bool IsOnStack(IEnumerable<DialogInstance> stack, string dialogId) =>
        stack.Any(i => string.Equals(i.Id, dialogId, StringComparison.Ordinal)
            || (i.State.Get<DialogState>("dialogs") is { } inner && IsOnStack(inner.DialogStack, dialogId)));
}
