using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoachBot.Records.Caseload;

/// <summary>
/// Applies record changes to the caseload read model off the conversation's path: a turn's committed records are
/// queued and applied in order by one background loop, so a turn never waits for the index documents. Raises
/// <see cref="Changed"/> after each change (the live coach pages listen to it).
/// </summary>
public sealed class CaseloadUpdates
{
    private readonly CaseloadStore _store;
    private readonly ILogger _logger;
    private readonly Channel<Func<CaseloadStore, CancellationToken, Task<CaseloadRow>>> _queue =
        Channel.CreateUnbounded<Func<CaseloadStore, CancellationToken, Task<CaseloadRow>>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private Task _loop = Task.CompletedTask;
    private int _pending;
    private TaskCompletionSource _idle = NewIdle(completed: true);

    public CaseloadUpdates(CaseloadStore store, ILogger<CaseloadUpdates>? logger = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Raised after a patient's row changed, with the new row. Handlers must be quick and must not throw.</summary>
    public event Action<CaseloadRow>? Changed;

    /// <summary>The store the changes go to.</summary>
    public CaseloadStore Store => _store;

    /// <summary>Queues a change; it is applied soon, after those queued before it.</summary>
    public void Enqueue(Func<CaseloadStore, CancellationToken, Task<CaseloadRow>> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            if (_pending++ == 0)
            {
                _idle = NewIdle(completed: false);
            }

            _queue.Writer.TryWrite(change);
            if (_loop.IsCompleted)
            {
                _loop = Task.Run(DrainAsync);
            }
        }
    }

    /// <summary>Applies a change now and raises <see cref="Changed"/>; a failure is logged, not thrown (the record itself is stored).</summary>
    public async Task ApplyNowAsync(Func<CaseloadStore, CancellationToken, Task<CaseloadRow>> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            // Not Changed?.Invoke(await ...): with no listener that would skip the change itself.
            var row = await change(_store, cancellationToken).ConfigureAwait(false);
            Changed?.Invoke(row);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "The caseload summary could not be updated; it catches up on the patient's next change.");
        }
    }

    /// <summary>Completes once every change queued so far has been applied.</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            return _idle.Task;
        }
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            Func<CaseloadStore, CancellationToken, Task<CaseloadRow>>? change;
            lock (_gate)
            {
                if (!_queue.Reader.TryRead(out change))
                {
                    _loop = Task.CompletedTask;
                    return;
                }
            }

            await ApplyNowAsync(change, CancellationToken.None).ConfigureAwait(false);
            lock (_gate)
            {
                if (--_pending == 0)
                {
                    _idle.TrySetResult();
                }
            }
        }
    }

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            source.SetResult();
        }

        return source;
    }
}
