using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using CoachBot.Protocol.Middleware;
using CoachBot.Protocol.Schema;

namespace CoachBot.Records;

/// <summary>
/// The runtime's <see cref="ITranscriptLogger"/> over storage: one create-only document per activity under
/// <c>transcripts/{channelId}/{conversationId}/{ticks:D19}-{n:D10}-{random}</c>, so entries sort in logging order.
/// At most <paramref name="maxPerConversationPerDay"/> entries of one conversation are stored per UTC day (counted in
/// this process), so a flooding chat cannot fill the store; the rest of that day is not stored. A turn's activities are
/// written in one batch.
/// </summary>
internal sealed class StorageTranscriptStore(RecordStore store, TimeProvider timeProvider, int maxPerConversationPerDay)
    : ITranscriptLogger, ITranscriptReader
{
    /// <summary>Conversations counted at once; past it the counts start again (a bound on memory, not on the store).</summary>
    private const int CountedConversations = 20_000;

    private readonly ConcurrentDictionary<string, StrongBox<int>> _today = new(StringComparer.Ordinal);
    private long _day;
    private int _counted;
    private long _sequence;

    public Task LogActivityAsync(Activity activity, CancellationToken cancellationToken = default) =>
        LogActivitiesAsync([activity], cancellationToken);

    public async Task LogActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var entries = new List<(string Key, Activity Value)>(activities.Count);
        foreach (var activity in activities)
        {
            ArgumentNullException.ThrowIfNull(activity);
            if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.Conversation?.Id))
            {
                continue; // nothing to file it under
            }

            if (!CountToday(activity.ChannelId + "/" + activity.Conversation.Id))
            {
                continue; // this conversation's entries for today are full
            }

            var at = activity.Timestamp ?? timeProvider.GetUtcNow();
            var sequence = Interlocked.Increment(ref _sequence);
            var key = RecordKeys.TranscriptOf(activity.ChannelId, activity.Conversation.Id)
                + at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-"
                + sequence.ToString("D10", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
            entries.Add((key, activity));
        }

        if (entries.Count > 0)
        {
            await store.CreateManyAsync(entries, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Counts one entry for the conversation today; false once it has had its day's entries.</summary>
    private bool CountToday(string conversation)
    {
        var day = timeProvider.GetUtcNow().UtcDateTime.Date.Ticks;
        if (Interlocked.Exchange(ref _day, day) != day)
        {
            _today.Clear();
            Interlocked.Exchange(ref _counted, 0);
        }

        if (!_today.TryGetValue(conversation, out var count))
        {
            // ConcurrentDictionary.Count takes every lock; an approximate count of new keys is enough for a bound.
            if (Interlocked.Increment(ref _counted) > CountedConversations)
            {
                _today.Clear();
                Interlocked.Exchange(ref _counted, 1);
            }

            count = _today.GetOrAdd(conversation, _ => new StrongBox<int>());
        }

        return Interlocked.Increment(ref count.Value) <= maxPerConversationPerDay;
    }

    public async Task<IReadOnlyList<Activity>> GetConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken = default)
    {
        var keys = await store.ListKeyListAsync(RecordKeys.TranscriptOf(channelId, conversationId), cancellationToken).ConfigureAwait(false);
        var items = await store.ReadManyAsync<Activity>(keys, cancellationToken).ConfigureAwait(false);
        return [.. items.Select(i => i.Value)];
    }
}
