using CoachBot.Protocol.State;

namespace CoachBot.Protocol.Tests.State;

/// <summary>Wraps a store, counting calls, and can inject conflicts on the next writes.</summary>
internal sealed class CountingStorage(IStorage inner) : IStorage
{
    public int Reads { get; private set; }

    public List<IReadOnlyDictionary<string, StoreItem>> Writes { get; } = [];

    public int ConflictsToInject { get; set; }

    public Func<Task>? BeforeWrite { get; set; }

    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        Reads++;
        return inner.ReadAsync(keys, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default)
    {
        if (BeforeWrite is { } hook)
        {
            BeforeWrite = null;
            await hook();
        }

        lock (Writes)
        {
            Writes.Add(changes);
        }

        if (ConflictsToInject > 0)
        {
            ConflictsToInject--;
            throw StorageConflictException.ForKey(changes.Keys.First());
        }

        return await inner.WriteAsync(changes, cancellationToken);
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);

    public IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListKeysAsync(prefix, cancellationToken);
}
