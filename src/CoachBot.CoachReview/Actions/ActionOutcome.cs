namespace CoachBot.CoachReview.Actions;

/// <summary>How a coach action ended.</summary>
public enum ActionStatus
{
    /// <summary>Done.</summary>
    Done,

    /// <summary>The patient or escalation does not exist.</summary>
    NotFound,

    /// <summary>The input is not acceptable (the message says why); nothing changed.</summary>
    Invalid,

    /// <summary>It failed part-way (the message says what happened, e.g. the channel refused the reply).</summary>
    Failed,
}

/// <summary>The outcome of a coach action, with a message for the coach when it was not done.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Message">Why, for the coach.</param>
public sealed record ActionOutcome(ActionStatus Status, string? Message = null)
{
    /// <summary>Done.</summary>
    public static readonly ActionOutcome Done = new(ActionStatus.Done);

    /// <summary>True when done.</summary>
    public bool Succeeded => Status == ActionStatus.Done;
}
