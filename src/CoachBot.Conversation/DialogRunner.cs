using CoachBot.Protocol.State;
using CoachBot.Protocol.Turns;

namespace CoachBot.Conversation;

/// <summary>
/// Runs a root dialog for a turn: continue the active dialog, or begin the root when nothing is active.
/// The stack lives in conversation state (property <c>DialogState</c> by default) and is saved by the
/// turn pipeline, never by dialogs.
/// </summary>
public sealed class DialogRunner
{
    /// <summary>The default conversation state property for the dialog stack.</summary>
    public const string DefaultStateProperty = "DialogState";

    private readonly DialogSet _dialogs;
    private readonly string _rootDialogId;

    /// <summary>Creates a runner for <paramref name="rootDialog"/>.</summary>
    public DialogRunner(Dialog rootDialog, ConversationState conversationState, string stateProperty = DefaultStateProperty)
    {
        ArgumentNullException.ThrowIfNull(rootDialog);
        ArgumentNullException.ThrowIfNull(conversationState);
        _dialogs = new DialogSet(conversationState.CreateProperty<DialogState>(stateProperty));
        _dialogs.Add(rootDialog);
        _rootDialogId = rootDialog.Id;
    }

    /// <summary>The root dialog set (add interruptions and the version hook here).</summary>
    public DialogSet Dialogs => _dialogs;

    /// <summary>Runs the turn through the dialogs.</summary>
    public async Task<DialogTurnResult> RunAsync(ITurnContext turnContext, object? rootOptions = null, CancellationToken cancellationToken = default)
    {
        var dialogContext = await _dialogs.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var result = await dialogContext.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        if (result.Status == DialogTurnStatus.Empty)
        {
            result = await dialogContext.BeginDialogAsync(_rootDialogId, rootOptions, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }
}
