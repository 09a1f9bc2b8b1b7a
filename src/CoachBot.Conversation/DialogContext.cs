using CoachBot.Conversation.Prompts;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;

namespace CoachBot.Conversation;

/// <summary>A dialog stack in one turn, with the verbs that change it.</summary>
public sealed class DialogContext
{
    private readonly DialogState _state;

    /// <summary>Creates a context over a stack.</summary>
    public DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state, DialogContext? parent = null)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(state);
        Dialogs = dialogs;
        Context = turnContext;
        _state = state;
        Parent = parent;
    }

    /// <summary>The dialogs this stack may run.</summary>
    public DialogSet Dialogs { get; }

    /// <summary>The turn.</summary>
    public ITurnContext Context { get; }

    /// <summary>The enclosing context (for dialogs inside a component).</summary>
    public DialogContext? Parent { get; }

    /// <summary>The stack, top (active) first.</summary>
    public IReadOnlyList<DialogInstance> Stack => _state.DialogStack;

    /// <summary>The active dialog instance, or null.</summary>
    public DialogInstance? ActiveDialog => _state.DialogStack.Count > 0 ? _state.DialogStack[0] : null;

    /// <summary>Finds a dialog here or in a parent's set.</summary>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    /// <summary>Pushes the dialog and begins it.</summary>
    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dialogId);
        var dialog = FindDialog(dialogId) ?? throw new InvalidOperationException($"Dialog '{dialogId}' is not registered in this dialog set or its parents.");
        _state.DialogStack.Insert(0, new DialogInstance { Id = dialogId, Version = dialog.GetVersion() });
        return await dialog.BeginDialogAsync(this, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Begins a prompt dialog with its options.</summary>
    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>
    /// Hands the turn to the active dialog: first checks dialog versions (a changed dialog restarts
    /// gracefully: the stack is cleared, the hook is told and Empty is returned), then runs the
    /// interruption hooks for messages, then continues the active dialog.
    /// </summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        if (FindVersionChange() is { } change)
        {
            _state.DialogStack.Clear();
            var hook = FindVersionHook();
            if (hook is not null)
            {
                await hook(this, change, cancellationToken).ConfigureAwait(false);
            }

            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        if (Dialogs.Interruptions.Count > 0 && Context.Activity.IsMessage())
        {
            foreach (var interruption in Dialogs.Interruptions)
            {
                var handled = await interruption.InterruptAsync(this, cancellationToken).ConfigureAwait(false);
                if (handled is not null)
                {
                    return handled;
                }
            }

            if (ActiveDialog is null)
            {
                return new DialogTurnResult(DialogTurnStatus.Empty);
            }
        }

        var dialog = FindDialog(ActiveDialog.Id)!;
        return await dialog.ContinueDialogAsync(this, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the active dialog and resumes its parent with <paramref name="result"/> (Complete when the stack empties).</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.EndCalled, cancellationToken).ConfigureAwait(false);
        if (ActiveDialog is { } parent)
        {
            var dialog = FindDialog(parent.Id) ?? throw new InvalidOperationException($"Dialog '{parent.Id}' on the stack is not registered.");
            return await dialog.ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken).ConfigureAwait(false);
        }

        return new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    /// <summary>Ends the active dialog and begins another in its place (loops).</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.ReplaceCalled, cancellationToken).ConfigureAwait(false);
        return await BeginDialogAsync(dialogId, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends every dialog on this stack; Cancelled, or Empty when nothing was active.</summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (_state.DialogStack.Count == 0)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        while (_state.DialogStack.Count > 0)
        {
            await EndActiveDialogAsync(DialogReason.CancelCalled, cancellationToken).ConfigureAwait(false);
        }

        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Asks the active dialog to re-prompt.</summary>
    public async Task RepromptDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is { } active && FindDialog(active.Id) is { } dialog)
        {
            await dialog.RepromptDialogAsync(Context, active, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task EndActiveDialogAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } instance)
        {
            return;
        }

        if (FindDialog(instance.Id) is { } dialog)
        {
            await dialog.EndDialogAsync(Context, instance, reason, cancellationToken).ConfigureAwait(false);
        }

        _state.DialogStack.RemoveAt(0);
    }

    private DialogVersionChange? FindVersionChange()
    {
        foreach (var instance in _state.DialogStack)
        {
            var dialog = FindDialog(instance.Id);
            var current = dialog?.GetVersion();
            if (dialog is null || !string.Equals(current, instance.Version, StringComparison.Ordinal))
            {
                return new DialogVersionChange(instance.Id, instance.Version, current);
            }
        }

        return null;
    }

    private Func<DialogContext, DialogVersionChange, CancellationToken, Task>? FindVersionHook() =>
        Dialogs.VersionChanged ?? Parent?.FindVersionHook();
}
