using CoachBot.Protocol.Turns;

namespace CoachBot.Conversation;

/// <summary>
/// A dialog made of dialogs: an inner stack kept in this dialog's state under <c>dialogs</c>. Override
/// <see cref="OnContinueDialogAsync"/> to intercept messages before the inner dialog sees them.
/// </summary>
public class ComponentDialog : Dialog
{
    private const string InnerStackKey = "dialogs";
    private string? _version;

    /// <summary>Creates the component.</summary>
    public ComponentDialog(string dialogId)
        : base(dialogId)
    {
    }

    /// <summary>The dialog begun when the component begins (default: the first added).</summary>
    public string? InitialDialogId { get; protected set; }

    /// <summary>The inner dialogs.</summary>
    protected DialogSet Dialogs { get; } = new();

    /// <summary>The component's id plus a hash of every inner dialog's version.</summary>
    public override string GetVersion() => _version ??= Id + ":" + Dialogs.GetVersion();

    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dialogContext, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialogContext);
        var (inner, state) = CreateInnerContext(dialogContext, dialogContext.ActiveDialog!);
        var result = await OnBeginDialogAsync(inner, options, cancellationToken).ConfigureAwait(false);
        return await AfterInnerAsync(dialogContext, state, result, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dialogContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialogContext);
        var (inner, state) = CreateInnerContext(dialogContext, dialogContext.ActiveDialog!);
        var result = await OnContinueDialogAsync(inner, cancellationToken).ConfigureAwait(false);
        return await AfterInnerAsync(dialogContext, state, result, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dialogContext, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialogContext);
        await RepromptDialogAsync(dialogContext.Context, dialogContext.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <inheritdoc />
    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var state = LoadInner(instance);
        var inner = new DialogContext(Dialogs, turnContext, state);
        await inner.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (reason == DialogReason.CancelCalled)
        {
            var state = LoadInner(instance);
            await new DialogContext(Dialogs, turnContext, state).CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            SaveInner(instance, state);
        }
    }

    /// <summary>Adds an inner dialog (the first becomes <see cref="InitialDialogId"/>).</summary>
    protected ComponentDialog AddDialog(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        Dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        _version = null;
        return this;
    }

    /// <summary>Begins the initial inner dialog.</summary>
    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDialogContext, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDialogContext);
        var initial = InitialDialogId ?? throw new InvalidOperationException($"Component dialog '{Id}' has no inner dialogs.");
        return innerDialogContext.BeginDialogAsync(initial, options, cancellationToken);
    }

    /// <summary>Continues the inner stack; override to handle interruptions first.</summary>
    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDialogContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDialogContext);
        return innerDialogContext.ContinueDialogAsync(cancellationToken);
    }

    /// <summary>Ends the component in the outer stack with the inner result.</summary>
    protected virtual Task<DialogTurnResult> EndComponentAsync(DialogContext outerDialogContext, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outerDialogContext);
        return outerDialogContext.EndDialogAsync(result, cancellationToken);
    }

    /// <summary>The inner stack: read from JSON once per turn, then the same object (saved with the instance).</summary>
    private static DialogState LoadInner(DialogInstance instance) =>
        instance.State.Get<DialogState>(InnerStackKey) ?? new DialogState();

    private static void SaveInner(DialogInstance instance, DialogState state) =>
        instance.State.Set(InnerStackKey, state);

    private (DialogContext Inner, DialogState State) CreateInnerContext(DialogContext outer, DialogInstance instance)
    {
        var state = LoadInner(instance);
        return (new DialogContext(Dialogs, outer.Context, state, outer), state);
    }

    private async Task<DialogTurnResult> AfterInnerAsync(DialogContext outer, DialogState state, DialogTurnResult result, CancellationToken cancellationToken)
    {
        var instance = outer.ActiveDialog!;
        SaveInner(instance, state);
        if (result.Status == DialogTurnStatus.Waiting)
        {
            return EndOfTurn;
        }

        return await EndComponentAsync(outer, result.Result, cancellationToken).ConfigureAwait(false);
    }
}
