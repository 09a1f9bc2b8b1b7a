namespace CoachBot.Conversation;

/// <summary>What a dialog operation left behind.</summary>
public enum DialogTurnStatus
{
    /// <summary>No dialog is active.</summary>
    Empty,

    /// <summary>The active dialog waits for the user's next message.</summary>
    Waiting,

    /// <summary>The root dialog ended; the result holds its value.</summary>
    Complete,

    /// <summary>The dialogs were cancelled.</summary>
    Cancelled,

    /// <summary>The dialog completed but wants to keep receiving input (rare).</summary>
    CompleteAndWait,
}
