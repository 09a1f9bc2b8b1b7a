using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Testing;

/// <summary>
/// Microsoft's <see cref="FakeTimeProvider"/> that also counts the timers waiting to fire, so a test can wait
/// (without sleeping) until the code under test has armed a timer, and check that none is left behind.
/// </summary>
public sealed class TimerCountingTimeProvider : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly HashSet<CountedTimer> _armed = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];

    /// <summary>Starts at <paramref name="start"/>, by default Monday 2025-01-06 09:00 UTC.</summary>
    public TimerCountingTimeProvider(DateTimeOffset? start = null)
        : base(start ?? new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Timers that are set to fire.</summary>
    public int ActiveTimers
    {
        get
        {
            lock (_gate)
            {
                return _armed.Count;
            }
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var counted = new CountedTimer(this);
        counted.Inner = base.CreateTimer(counted.Fire, (callback, state), Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        counted.Change(dueTime, period);
        return counted;
    }

    /// <summary>Completes when at least <paramref name="count"/> timers are set to fire.</summary>
    public Task WaitForActiveTimersAsync(int count, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_armed.Count >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task.WaitAsync(cancellationToken);
        }
    }

    private void SetArmed(CountedTimer timer, bool armed, Func<bool> stillCurrent)
    {
        List<TaskCompletionSource>? release = null;
        lock (_gate)
        {
            if (!stillCurrent())
            {
                return;
            }

            if (!armed)
            {
                _armed.Remove(timer);
                return;
            }

            _armed.Add(timer);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Count <= _armed.Count)
                {
                    (release ??= []).Add(_waiters[i].Signal);
                    _waiters.RemoveAt(i);
                }
            }
        }

        release?.ForEach(s => s.TrySetResult());
    }

    private sealed class CountedTimer(TimerCountingTimeProvider owner) : ITimer
    {
        private bool _periodic;
        private int _version;

        public ITimer Inner { get; set; } = null!;

        public void Fire(object? state)
        {
            int version;
            lock (owner._gate)
            {
                version = ++_version;
            }

            if (!_periodic)
            {
                owner.SetArmed(this, armed: false, () => _version == version);
            }

            var (callback, callbackState) = ((TimerCallback, object?))state!;
            callback(callbackState);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            int version;
            lock (owner._gate)
            {
                _periodic = period > TimeSpan.Zero && period != Timeout.InfiniteTimeSpan;
                version = ++_version;
            }

            // Counted only once the inner timer is set, and not if it has fired (or been changed) since.
            var changed = Inner.Change(dueTime, period);
            owner.SetArmed(this, armed: dueTime != Timeout.InfiniteTimeSpan, () => _version == version);
            return changed;
        }

        public void Dispose()
        {
            lock (owner._gate)
            {
                _version++;
            }

            owner.SetArmed(this, armed: false, () => true);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
