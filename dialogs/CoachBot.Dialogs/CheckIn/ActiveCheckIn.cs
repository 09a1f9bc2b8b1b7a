using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Conversation;
using CoachBot.Protocol.State;

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
        var instance = Find(dialogContext.Stack.Select(i => (i.Id, i.State)));
        return instance is null ? null : instance[WaterfallStateKey]?.Deserialize<CheckInState>(StateJson.Options) ?? new CheckInState();
    }

    /// <summary>Changes the running check-in's answers in place; false when no check-in is running.</summary>
    public static bool Update(DialogContext dialogContext, Action<CheckInState> change)
    {
        ArgumentNullException.ThrowIfNull(dialogContext);
        ArgumentNullException.ThrowIfNull(change);
        var instance = Find(dialogContext.Stack.Select(i => (i.Id, i.State)));
        if (instance is null)
        {
            return false;
        }

        var state = instance[WaterfallStateKey]?.Deserialize<CheckInState>(StateJson.Options) ?? new CheckInState();
        change(state);
        instance[WaterfallStateKey] = JsonSerializer.SerializeToNode(state, StateJson.Options);
        return true;
    }

    private static JsonObject? Find(IEnumerable<(string Id, JsonObject State)> stack)
    {
        foreach (var (id, state) in stack)
        {
            if (string.Equals(id, DialogIds.CheckIn, StringComparison.Ordinal))
            {
                return state;
            }

            if (state[InnerStackKey] is JsonObject inner && inner["dialogStack"] is JsonArray innerStack)
            {
                var found = Find(innerStack.OfType<JsonObject>().Select(i => (i["id"]?.GetValue<string>() ?? string.Empty, i["state"] as JsonObject ?? [])));
                if (found is not null)
                {
                    return found;
                }
            }
        }

        return null;
    }
}
