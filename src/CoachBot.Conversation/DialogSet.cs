using System.Text;
using CoachBot.Protocol.State;
using CoachBot.Protocol.Turns;

namespace CoachBot.Conversation;

/// <summary>The dialogs that can run together, by id, plus the hooks that apply to their stack.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);
    private readonly IStatePropertyAccessor<DialogState>? _dialogState;
    private string? _version;

    /// <summary>A set for use inside a component dialog (no state accessor).</summary>
    public DialogSet()
    {
    }

    /// <summary>A root set whose stack lives in the given state property.</summary>
    public DialogSet(IStatePropertyAccessor<DialogState> dialogState)
    {
        ArgumentNullException.ThrowIfNull(dialogState);
        _dialogState = dialogState;
    }

    /// <summary>Hooks run before the active dialog continues with a message (help, cancel, safety).</summary>
    public IList<IDialogInterruption> Interruptions { get; } = [];

    /// <summary>Called when a persisted dialog's version no longer matches; the stack was cleared before the call.</summary>
    public Func<DialogContext, DialogVersionChange, CancellationToken, Task>? VersionChanged { get; set; }

    /// <summary>Adds a dialog; its id must be unique in the set.</summary>
    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (!_dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new ArgumentException($"A dialog with id '{dialog.Id}' is already in the set.", nameof(dialog));
        }

        _version = null;
        return this;
    }

    /// <summary>The dialog with the id, or null.</summary>
    public Dialog? Find(string dialogId) => _dialogs.GetValueOrDefault(dialogId);

    /// <summary>A combined version of every dialog in the set (changes when any of them changes).</summary>
    public string GetVersion()
    {
        if (_version is null)
        {
            var text = new StringBuilder();
            foreach (var id in _dialogs.Keys.Order(StringComparer.Ordinal))
            {
                text.Append(_dialogs[id].GetVersion()).Append('\n');
            }

            _version = DialogVersions.Hash(text.ToString());
        }

        return _version;
    }

    /// <summary>Loads the stack for this turn and returns a context over it.</summary>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var accessor = _dialogState ?? throw new InvalidOperationException("This dialog set has no state accessor; create it with DialogSet(IStatePropertyAccessor<DialogState>).");
        var state = await accessor.GetAsync(turnContext, static () => new DialogState(), cancellationToken).ConfigureAwait(false);
        return new DialogContext(this, turnContext, state);
    }
}
