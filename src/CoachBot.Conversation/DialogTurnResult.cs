namespace CoachBot.Conversation;

/// <summary>The outcome of a dialog operation: a status and, when a dialog ended, its result.</summary>
public sealed class DialogTurnResult(DialogTurnStatus status, object? result = null)
{
    /// <summary>The status after the operation.</summary>
    public DialogTurnStatus Status { get; } = status;

    /// <summary>The ended dialog's result (for <see cref="DialogTurnStatus.Complete"/>).</summary>
    public object? Result { get; } = result;
}
