using CoachBot.Conversation;
using CoachBot.Dialogs.Actions;

namespace CoachBot.Dialogs.Shared;

/// <summary>"help" shows the menu and re-asks the pending question; "stop"/"cancel" ends the running dialog.</summary>
internal sealed class CommandInterruption(DialogServices services) : IDialogInterruption
{
    public async Task<DialogTurnResult?> InterruptAsync(DialogContext dialogContext, CancellationToken cancellationToken = default)
    {
        var turn = dialogContext.Context;
        switch (IntentRecognizer.RecognizeCommand(turn.Activity.Text))
        {
            case Intent.Help:
                await HelpReply.SendAsync(services, turn, cancellationToken).ConfigureAwait(false);
                await dialogContext.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                return Dialog.EndOfTurn;
            case Intent.Stop:
                await Protocol.Turns.TurnContextExtensions.SendActivityAsync(turn, services.Texts.Get(Keys.Cancelled), cancellationToken).ConfigureAwait(false);
                return await dialogContext.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            default:
                return null;
        }
    }
}
