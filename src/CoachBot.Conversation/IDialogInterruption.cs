namespace CoachBot.Conversation;

/// <summary>
/// Runs before the active dialog sees a message (help, cancel, safety). Return a result to handle the
/// message here (e.g. <see cref="Dialog.EndOfTurn"/> after sending help, or the result of
/// <see cref="DialogContext.CancelAllDialogsAsync"/>); return null to let the dialog continue.
/// </summary>
public interface IDialogInterruption
{
    /// <summary>Checks the turn's message and handles it when it is an interruption.</summary>
    Task<DialogTurnResult?> InterruptAsync(DialogContext dialogContext, CancellationToken cancellationToken = default);
}
