namespace CoachBot.Conversation;

/// <summary>The persisted dialog stack; index 0 is the active dialog.</summary>
public sealed class DialogState
{
    /// <summary>The stack, top first.</summary>
    public List<DialogInstance> DialogStack { get; set; } = [];
}
