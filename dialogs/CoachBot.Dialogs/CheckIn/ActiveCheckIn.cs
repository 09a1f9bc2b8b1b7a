using CoachBot.Conversation;

namespace CoachBot.Dialogs.CheckIn;

/// <summary>
/// Finds the running check-in in the persisted dialog stack (also inside component dialogs) so that an
/// interruption can read its answers or add to them without ending it.
/// </summary>
internal static class ActiveCheckIn
{
    private const string WaterfallStateKey = "state";
    private const string InnerStackKey = "dialogs";

    /// <summary>The answers so far, or null when no check-in is running.</summary>
    public static CheckInState? Read(DialogContext dialogContext)
    {
        ArgumentNullException.ThrowIfNull(dialogContext);
        var instance = Find(dialogContext.Stack);
        return instance is null ? null : instance.State.Get<CheckInState>(WaterfallStateKey) ?? new CheckInState();
    }

    /// <summary>Changes the running check-in's answers in place; false when no check-in is running.</summary>
    public static bool Update(DialogContext dialogContext, Action<CheckInState> change)
    {
        ArgumentNullException.ThrowIfNull(dialogContext);
        ArgumentNullException.ThrowIfNull(change);
        var instance = Find(dialogContext.Stack);
        if (instance is null)
        {
            return false;
        }

        var state = instance.State.Get<CheckInState>(WaterfallStateKey) ?? new CheckInState();
        change(state);
        instance.State.Set(WaterfallStateKey, state);
        return true;
    }

    /// <summary>True when the running check-in is the card check-in (waiting for its card).</summary>
    public static bool IsCardCheckInRunning(DialogContext dialogContext)
    {
        ArgumentNullException.ThrowIfNull(dialogContext);
        return Find(dialogContext.Stack) is { } instance && string.Equals(instance.Id, DialogIds.CheckInCard, StringComparison.Ordinal);
    }

    private static DialogInstance? Find(IEnumerable<DialogInstance> stack)
    {
        foreach (var instance in stack)
        {
            if (string.Equals(instance.Id, DialogIds.CheckIn, StringComparison.Ordinal) || string.Equals(instance.Id, DialogIds.CheckInCard, StringComparison.Ordinal))
            {
                return instance;
            }

            // A component's inner stack: the same object the component works on this turn.
            if (instance.State.Get<DialogState>(InnerStackKey) is { } inner)
            {
                var found = Find(inner.DialogStack);
                if (found is not null)
                {
                    return found;
                }
            }
        }

        return null;
    }
}
