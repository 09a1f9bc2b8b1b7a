using System.Collections.Concurrent;

namespace CoachBot.Protocol.Turns;

/// <summary>
/// One async mutex per key, created on demand and removed when nobody holds or waits for it.
/// There is no global lock: each key's bookkeeping is guarded by its own entry.
/// </summary>
internal sealed class KeyedAsyncLock
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Number of keys currently held or awaited (for tests).</summary>
    public int Count => _entries.Count;

    public async ValueTask<Releaser> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        Entry entry;
        while (true)
        {
            entry = _entries.GetOrAdd(key, static _ => new Entry());
            lock (entry)
            {
                if (entry.References >= 0)
                {
                    entry.References++;
                    break;
                }
            }
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Dereference(key, entry);
            throw;
        }

        return new Releaser(this, key, entry);
    }

    private void Dereference(string key, Entry entry)
    {
        lock (entry)
        {
            if (--entry.References == 0)
            {
                entry.References = -1; // retired: a racing GetOrAdd retries with a fresh entry
                _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }
    }

    internal readonly struct Releaser(KeyedAsyncLock owner, string key, Entry entry) : IDisposable
    {
        public void Dispose()
        {
            entry.Semaphore.Release();
            owner.Dereference(key, entry);
        }
    }

    internal sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int References { get; set; }
    }
}
