using CoachBot.Content;
using CoachBot.Conversation;
using CoachBot.Dialogs.Actions;

namespace CoachBot.Dialogs.Shared;

/// <summary>
/// "how do I do a hip bridge?" shows the exercise card and re-asks the pending question; "help" shows the menu and
/// re-asks the pending question; "stop"/"cancel" ends the running dialog; "remind me later"
/// and "change my check-in time" end the running dialog and start their own (once onboarding is done).
/// </summary>
internal sealed class CommandInterruption(DialogServices services) : IDialogInterruption
{
    public async Task<DialogTurnResult?> InterruptAsync(DialogContext dialogContext, CancellationToken cancellationToken = default)
    {
        var turn = dialogContext.Context;
        if (IntentRecognizer.Recognize(services.Texts, turn.Activity.Text) == Intent.HowTo && services.Content.Exercises.Match(turn.Activity.Text) is { } guide)
        {
            // "How do I do a hip bridge?" works at any time: the card, then the pending question again.
            await Exercises.ExerciseCards.SendAsync(services, turn, guide, cancellationToken).ConfigureAwait(false);
            await dialogContext.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
            return Dialog.EndOfTurn;
        }

        switch (IntentRecognizer.RecognizeCommand(services.Texts, turn.Activity.Text))
        {
            case Intent.Help:
                await HelpReply.SendAsync(services, turn, cancellationToken).ConfigureAwait(false);
                await dialogContext.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                return Dialog.EndOfTurn;
            case Intent.RemindLater or Intent.ChangeSchedule:
                var patient = await services.GetAsync(turn, cancellationToken).ConfigureAwait(false);
                if (!patient.Onboarded)
                {
                    return null;
                }

                await dialogContext.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                return await dialogContext.BeginDialogAsync(DialogIds.Main, new MainOptions(ProactiveCheckIn: false), cancellationToken).ConfigureAwait(false);
            case Intent.Stop:
                await Protocol.Turns.TurnContextExtensions.SendActivityAsync(turn, services.Texts.Get(MessageKeys.Common.Cancelled), cancellationToken).ConfigureAwait(false);
                return await dialogContext.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            default:
                return null;
        }
    }
}
