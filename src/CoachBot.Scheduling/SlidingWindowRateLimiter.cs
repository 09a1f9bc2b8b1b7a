namespace CoachBot.Scheduling;

/// <summary>
/// Several sliding windows per key (for example Teams' per-conversation send limits: 7 per 1 s, 8 per 2 s,
/// 60 per 30 s, 1800 per hour), on a <see cref="TimeProvider"/>. Thread-safe.
/// </summary>
internal sealed class SlidingWindowRateLimiter
{
    /// <summary>The Teams per-bot, per-conversation send limits (protocol brief 5.5).</summary>
    public static readonly IReadOnlyList<(int Permits, TimeSpan Window)> TeamsPerConversation =
    [
        (7, TimeSpan.FromSeconds(1)),
        (8, TimeSpan.FromSeconds(2)),
        (60, TimeSpan.FromSeconds(30)),
        (1800, TimeSpan.FromHours(1)),
    ];

    private readonly (int Permits, TimeSpan Window)[] _limits;
    private readonly TimeSpan _longest;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Queue<DateTimeOffset>> _events = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private DateTimeOffset _nextPrune;

    public SlidingWindowRateLimiter(IReadOnlyList<(int Permits, TimeSpan Window)> limits, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (limits.Count == 0 || limits.Any(l => l.Permits < 1 || l.Window <= TimeSpan.Zero))
        {
            throw new ArgumentException("Every limit needs at least one permit and a positive window.", nameof(limits));
        }

        _limits = [.. limits];
        _longest = _limits.Max(l => l.Window);
        _time = time;
    }

    /// <summary>Takes <paramref name="count"/> permits now, or returns how long to wait before trying again.</summary>
    public TimeSpan? TryAcquire(string key, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            PruneIdleKeys(now);
            if (!_events.TryGetValue(key, out var events))
            {
                events = new Queue<DateTimeOffset>();
                _events[key] = events;
            }

            while (events.Count > 0 && events.Peek() <= now - _longest)
            {
                events.Dequeue();
            }

            var wait = TimeSpan.Zero;
            var times = events.ToArray();
            foreach (var (permits, window) in _limits)
            {
                // Permits used in the window ending now; to admit `count` more, the oldest ones must age out.
                var inWindow = times.Where(t => t > now - window).ToArray();
                var excess = inWindow.Length + count - permits;
                if (excess > 0)
                {
                    if (count > permits)
                    {
                        throw new ArgumentOutOfRangeException(nameof(count), $"{count} permits can never fit a window of {permits}.");
                    }

                    var until = inWindow[excess - 1] + window - now;
                    wait = until > wait ? until : wait;
                }
            }

            if (wait > TimeSpan.Zero)
            {
                return wait;
            }

            for (var i = 0; i < count; i++)
            {
                events.Enqueue(now);
            }

            return null;
        }
    }

    /// <summary>Waits (on the <see cref="TimeProvider"/>) until the permits are granted.</summary>
    public async Task AcquireAsync(string key, int count, CancellationToken cancellationToken)
    {
        while (TryAcquire(key, count) is { } wait)
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private void PruneIdleKeys(DateTimeOffset now)
    {
        if (now < _nextPrune)
        {
            return;
        }

        _nextPrune = now + _longest;
        foreach (var key in _events.Where(e => e.Value.Count == 0 || e.Value.Last() <= now - _longest).Select(e => e.Key).ToList())
        {
            _events.Remove(key);
        }
    }
}
