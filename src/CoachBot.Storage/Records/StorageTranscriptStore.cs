using System.Globalization;
using CoachBot.Protocol.Middleware;
using CoachBot.Protocol.Schema;

namespace CoachBot.Storage.Records;

/// <summary>
/// The runtime's <see cref="ITranscriptLogger"/> over storage: one create-only document per activity under
/// <c>transcripts/{channelId}/{conversationId}/{ticks:D19}-{n:D10}-{random}</c>, so entries sort in logging order.
/// </summary>
internal sealed class StorageTranscriptStore(RecordStore store, TimeProvider timeProvider) : ITranscriptLogger, ITranscriptReader
{
    private long _sequence;

    public async Task LogActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return; // nothing to file it under
        }

        var at = activity.Timestamp ?? timeProvider.GetUtcNow();
        var sequence = Interlocked.Increment(ref _sequence);
        var key = RecordKeys.TranscriptOf(activity.ChannelId, activity.Conversation.Id)
            + at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-"
            + sequence.ToString("D10", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        await store.WriteAsync(key, activity, etag: null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Activity>> GetConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken = default)
    {
        var keys = await store.ListKeyListAsync(RecordKeys.TranscriptOf(channelId, conversationId), cancellationToken).ConfigureAwait(false);
        var items = await store.ReadManyAsync<Activity>(keys, cancellationToken).ConfigureAwait(false);
        return [.. items.Select(i => i.Value)];
    }
}
