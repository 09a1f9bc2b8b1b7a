namespace CoachBot.Conversation;

/// <summary>Why a dialog is being resumed or ended.</summary>
public enum DialogReason
{
    /// <summary>The dialog was just begun.</summary>
    BeginCalled,

    /// <summary>The user sent a message to the waiting dialog.</summary>
    ContinueCalled,

    /// <summary>A child dialog ended (or the dialog itself ended).</summary>
    EndCalled,

    /// <summary>The dialog is being replaced by another.</summary>
    ReplaceCalled,

    /// <summary>The dialogs are being cancelled.</summary>
    CancelCalled,

    /// <summary>A waterfall step skipped ahead with NextAsync.</summary>
    NextCalled,
}
