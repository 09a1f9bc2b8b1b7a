namespace CoachBot.Testing;

/// <summary>
/// A manually driven clock: time moves only when a test calls <see cref="Advance"/>, and timers due by
/// then fire in order. Tests can also wait (without sleeping) until code under test created a timer.
/// </summary>
public sealed class FakeTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private DateTimeOffset _now;

    /// <summary>Starts at <paramref name="start"/> (default Monday 2025-01-06 09:00 UTC).</summary>
    public FakeTimeProvider(DateTimeOffset? start = null) => _now = start ?? new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The zone reported as local (default UTC).</summary>
    public TimeZoneInfo LocalZone { get; set; } = TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => LocalZone;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Timers that are scheduled to fire.</summary>
    public int ActiveTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(t => t.DueAt is not null);
            }
        }
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <inheritdoc />
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new FakeTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves time forward, firing every timer that falls due, in due order.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + delta;
        }

        while (true)
        {
            FakeTimer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.DueAt is { } due && due <= target).MinBy(t => t.DueAt);
                if (next is null)
                {
                    _now = target;
                    return;
                }

                _now = next.DueAt!.Value;
                next.DueAt = next.Period > TimeSpan.Zero && next.Period != Timeout.InfiniteTimeSpan ? _now + next.Period : null;
            }

            next.Fire();
        }
    }

    /// <summary>Sets the clock (forward only).</summary>
    public void SetUtcNow(DateTimeOffset value)
    {
        var now = GetUtcNow();
        ArgumentOutOfRangeException.ThrowIfLessThan(value, now);
        Advance(value - now);
    }

    /// <summary>Completes when at least <paramref name="count"/> timers are scheduled.</summary>
    public Task WaitForActiveTimersAsync(int count, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_timers.Count(t => t.DueAt is not null) >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task.WaitAsync(cancellationToken);
        }
    }

    private void Schedule(FakeTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        List<TaskCompletionSource>? release = null;
        lock (_gate)
        {
            timer.Period = period;
            timer.DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _now + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
            var active = _timers.Count(t => t.DueAt is not null);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Count <= active)
                {
                    (release ??= []).Add(_waiters[i].Signal);
                    _waiters.RemoveAt(i);
                }
            }
        }

        release?.ForEach(s => s.TrySetResult());
    }

    private void Remove(FakeTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? DueAt { get; set; }

        public TimeSpan Period { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Schedule(this, dueTime, period);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
