namespace CoachBot.Conversation;

/// <summary>One entry of the persisted dialog stack: the dialog id, its version when it began, and its state.</summary>
public sealed class DialogInstance
{
    /// <summary>The dialog id: persisted data, so keep ids stable across releases.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The dialog's version when this instance began; a mismatch restarts the conversation gracefully.</summary>
    public string? Version { get; set; }

    /// <summary>The dialog's own persisted state.</summary>
    public DialogInstanceState State
    {
        get;
        set => field = value ?? new DialogInstanceState();
    } = new();
}
