using CoachBot.Storage;

namespace CoachBot.Reliability.Tests.Support;

/// <summary>
/// Wraps a store shared by several host instances: can widen the race window between a turn's read and its
/// commit, counts the optimistic-concurrency conflicts the store reported, and can be switched "down".
/// </summary>
public sealed class FaultyStorage(IStorage inner) : IStorage
{
    private int _conflicts;

    /// <summary>Each read waits this long first (so overlapping turns really overlap).</summary>
    public TimeSpan ReadDelay { get; set; }

    /// <summary>While true every call fails as an unreachable store would.</summary>
    public bool Down { get; set; }

    /// <summary>The next this-many writes fail with a conflict without reaching the inner store.</summary>
    public int ConflictsToInject { get; set; }

    /// <summary>When set, only batches holding a key with this prefix get the injected conflicts.</summary>
    public string? ConflictKeyPrefix { get; set; }

    /// <summary>Conflicts the inner store reported (or were injected) on writes.</summary>
    public int Conflicts => Volatile.Read(ref _conflicts);

    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        if (ReadDelay > TimeSpan.Zero)
        {
            await Task.Delay(ReadDelay, cancellationToken);
        }

        return await inner.ReadAsync(keys, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        if (ConflictsToInject > 0 && (ConflictKeyPrefix is null || changes.Keys.Any(k => k.StartsWith(ConflictKeyPrefix, StringComparison.Ordinal))))
        {
            ConflictsToInject--;
            Interlocked.Increment(ref _conflicts);
            throw StorageConflictException.ForKey(changes.Keys.First());
        }

        try
        {
            return await inner.WriteAsync(changes, cancellationToken);
        }
        catch (StorageConflictException)
        {
            Interlocked.Increment(ref _conflicts);
            throw;
        }
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return inner.DeleteAsync(keys, cancellationToken);
    }

    public IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return inner.ListKeysAsync(prefix, cancellationToken);
    }

    private void ThrowIfDown()
    {
        if (Down)
        {
            throw new IOException("The store is unreachable (test fault).");
        }
    }
}
