using CoachBot.Protocol.Turns;

namespace CoachBot.Protocol.Middleware;

/// <summary>
/// Runs the turns of one conversation one at a time on this instance (keyed async lock on
/// <c>{channelId}/{conversationId}</c>), so overlapping messages never load and save the same state
/// concurrently. Turns of different conversations run in parallel.
/// </summary>
internal sealed class ConversationOrderingMiddleware : IMiddleware
{
    private readonly KeyedAsyncLock _locks = new();

    /// <summary>Keys currently held or awaited (for tests).</summary>
    public int ActiveKeys => _locks.Count;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate nextHandler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(nextHandler);
        var activity = turnContext.Activity;
        var key = activity.ChannelId + "/" + activity.Conversation?.Id;
        using (await _locks.AcquireAsync(key, cancellationToken).ConfigureAwait(false))
        {
            await nextHandler(cancellationToken).ConfigureAwait(false);
        }
    }
}
