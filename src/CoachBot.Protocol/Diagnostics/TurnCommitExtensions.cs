using CoachBot.Protocol.Turns;

namespace CoachBot.Protocol.Diagnostics;

/// <summary>
/// Work to do once a turn's state and staged records are committed: counting a decision only when it was really
/// stored, once, even when a storage conflict re-runs the turn (a re-run forgets the callbacks of the lost attempt).
/// </summary>
public static class TurnCommitExtensions
{
    private const string Key = "CoachBot.Protocol.OnCommitted";
    private const string ETagsKey = "CoachBot.Protocol.CommittedETags";

    /// <summary>
    /// The ETag a staged record (or state document) got when this turn committed, or null; meant for
    /// <see cref="OnCommitted"/> callbacks.
    /// </summary>
    public static string? CommittedETag(this ITurnContext turnContext, string key)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.TryGetValue(ETagsKey, out var value) && value is IReadOnlyDictionary<string, string> etags
            && etags.TryGetValue(key, out var etag) ? etag : null;
    }

    /// <summary>Runs <paramref name="callback"/> after this attempt of the turn commits; never if it does not.</summary>
    public static void OnCommitted(this ITurnContext turnContext, Action callback)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(callback);
        if (!turnContext.TurnState.TryGetValue(Key, out var value) || value is not List<Action> callbacks)
        {
            callbacks = [];
            turnContext.TurnState[Key] = callbacks;
        }

        callbacks.Add(callback);
    }

    /// <summary>Keeps the ETags of the batch this attempt committed (the state middleware calls this).</summary>
    internal static void SetCommittedETags(this ITurnContext turnContext, IReadOnlyDictionary<string, string> etags) =>
        turnContext.TurnState[ETagsKey] = etags;

    /// <summary>Runs and forgets the callbacks of the committed attempt (the state middleware calls this).</summary>
    internal static void RunCommitted(this ITurnContext turnContext, Action<Exception> onError)
    {
        if (!turnContext.TurnState.Remove(Key, out var value) || value is not List<Action> callbacks)
        {
            return;
        }

        foreach (var callback in callbacks)
        {
            try
            {
                callback();
            }
#pragma warning disable CA1031 // A failing observer must not fail a committed turn.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                onError(ex);
            }
        }
    }
}
