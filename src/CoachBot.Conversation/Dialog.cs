using CoachBot.Protocol.Turns;

namespace CoachBot.Conversation;

/// <summary>A unit of conversation with its own persisted state on the dialog stack.</summary>
public abstract class Dialog
{
    /// <summary>Creates the dialog.</summary>
    /// <param name="dialogId">Stable id (persisted in conversation state).</param>
    protected Dialog(string dialogId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogId);
        Id = dialogId;
    }

    /// <summary>The shared "waiting for the user" result.</summary>
    public static DialogTurnResult EndOfTurn { get; } = new(DialogTurnStatus.Waiting);

    /// <summary>The stable dialog id.</summary>
    public string Id { get; }

    /// <summary>The version persisted with each instance; when it changes, in-flight instances restart gracefully.</summary>
    public virtual string GetVersion() => Id;

    /// <summary>Starts the dialog (its instance is already on the stack).</summary>
    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dialogContext, object? options = null, CancellationToken cancellationToken = default);

    /// <summary>The user sent something while this dialog was active. Default: end.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dialogContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialogContext);
        return dialogContext.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>A child dialog ended and this dialog is active again. Default: end with the child's result.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dialogContext, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialogContext);
        return dialogContext.EndDialogAsync(result, cancellationToken);
    }

    /// <summary>Asks the user again for whatever the dialog waits for. Default: nothing.</summary>
    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>The instance is being removed from the stack. Default: nothing.</summary>
    public virtual Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
