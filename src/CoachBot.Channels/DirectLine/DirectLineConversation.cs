using System.Globalization;
using System.Text.Json;
using CoachBot.Protocol.Schema;

namespace CoachBot.Channels.DirectLine;

/// <summary>
/// One conversation's history and open streams. Every stored activity is serialized once, when it is
/// appended; reads and streams reuse those bytes. Watermarks are absolute positions in the history, so they
/// never move backwards even when the oldest activities are dropped.
/// </summary>
internal sealed class DirectLineConversation
{
    private readonly Lock _gate = new();
    private readonly Queue<ReadOnlyMemory<byte>> _history = new();
    private readonly List<DirectLineSubscriber> _subscribers = [];
    private readonly int _capacity;
    private long _appended;
    private long _typingCount;
    private long _lastActiveTicks;

    public DirectLineConversation(string id, string? userId, int capacity, DateTimeOffset now)
    {
        Id = id;
        UserId = userId;
        _capacity = capacity;
        Touch(now);
    }

    public string Id { get; }

    /// <summary>The user bound by the token, or the first user seen when the token named none.</summary>
    public string? UserId { get; private set; }

    /// <summary>True once the bot has been told that the user joined.</summary>
    public bool UserAnnounced { get; private set; }

    public DateTimeOffset LastActive => new(Interlocked.Read(ref _lastActiveTicks), TimeSpan.Zero);

    /// <summary>The next watermark (number of activities ever stored).</summary>
    public long Watermark
    {
        get
        {
            lock (_gate)
            {
                return _appended;
            }
        }
    }

    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastActiveTicks, now.UtcTicks);

    /// <summary>Binds the conversation to <paramref name="userId"/> unless it has a user; true when that is its user.</summary>
    public bool PinUser(string userId)
    {
        lock (_gate)
        {
            UserId ??= userId;
            return string.Equals(UserId, userId, StringComparison.Ordinal);
        }
    }

    /// <summary>Claims the user-joined announcement; true for exactly one caller.</summary>
    public bool TryAnnounceUser(string userId)
    {
        lock (_gate)
        {
            if (UserAnnounced)
            {
                return false;
            }

            UserId ??= userId;
            UserAnnounced = true;
            return true;
        }
    }

    /// <summary>
    /// Records an activity: assigns its id and timestamp, stores it (typing is only streamed, never stored)
    /// and pushes it to open streams. Returns the assigned id.
    /// </summary>
    public string Append(Activity activity, DateTimeOffset now)
    {
        Touch(now);
        activity.Timestamp = now;
        var isTyping = string.Equals(activity.Type, ActivityTypes.Typing, StringComparison.Ordinal);
        lock (_gate)
        {
            activity.Id = isTyping
                ? string.Create(CultureInfo.InvariantCulture, $"{Id}|typing{++_typingCount}")
                : string.Create(CultureInfo.InvariantCulture, $"{Id}|{_appended:D7}");
            Store(JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Options), stored: !isTyping);
            return activity.Id;
        }
    }

    /// <summary>
    /// Records a new version of a stored bot activity: it keeps the id and the timestamp of the version stored last
    /// and is stored and streamed like a new activity (Web Chat replaces the activity it has with the same id, in
    /// its place by timestamp). Returns false when no activity with that id is stored.
    /// </summary>
    public bool Replace(Activity activity, DateTimeOffset now)
    {
        Touch(now);
        lock (_gate)
        {
            DateTimeOffset? original = null;
            foreach (var item in _history)
            {
                var stored = JsonSerializer.Deserialize<Activity>(item.Span, ProtocolJson.Options);
                if (string.Equals(stored?.Id, activity.Id, StringComparison.Ordinal) && stored?.From?.Role == "bot")
                {
                    original = stored.Timestamp;
                }
            }

            if (original is null)
            {
                return false;
            }

            activity.Timestamp = original;
            Store(JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Options), stored: true);
            return true;
        }
    }

    /// <summary>The stored activities from <paramref name="watermark"/> on, and the new watermark.</summary>
    public byte[] ReadFrom(long watermark)
    {
        lock (_gate)
        {
            return ActivitySetWriter.ToBytes(Slice(watermark), _appended);
        }
    }

    /// <summary>Opens a stream; <paramref name="replay"/> holds what was stored from the watermark on (or null).</summary>
    public DirectLineSubscriber Subscribe(long watermark, out byte[]? replay)
    {
        var subscriber = new DirectLineSubscriber();
        lock (_gate)
        {
            var items = Slice(watermark);
            replay = items.Count > 0 ? ActivitySetWriter.ToBytes(items, _appended) : null;
            _subscribers.Add(subscriber);
        }

        return subscriber;
    }

    public void Unsubscribe(DirectLineSubscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscriber);
        }

        subscriber.Complete();
    }

    /// <summary>Closes every open stream (the conversation is being forgotten).</summary>
    public void CloseStreams()
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Complete();
            }

            _subscribers.Clear();
        }
    }

    /// <summary>Stores (unless only streamed) and streams one serialized activity; the caller holds the lock.</summary>
    private void Store(ReadOnlyMemory<byte> json, bool stored)
    {
        if (stored)
        {
            _history.Enqueue(json);
            _appended++;
            while (_history.Count > _capacity)
            {
                _history.Dequeue();
            }
        }

        if (_subscribers.Count > 0)
        {
            var frame = ActivitySetWriter.ToBytes([json], _appended);
            foreach (var subscriber in _subscribers)
            {
                subscriber.Offer(frame);
            }
        }
    }

    private List<ReadOnlyMemory<byte>> Slice(long watermark)
    {
        var first = _appended - _history.Count;
        var skip = Math.Max(0, watermark - first);
        var result = new List<ReadOnlyMemory<byte>>((int)Math.Max(0, _history.Count - skip));
        var index = 0L;
        foreach (var item in _history)
        {
            if (index++ >= skip)
            {
                result.Add(item);
            }
        }

        return result;
    }
}
