namespace CoachBot.Storage;

/// <summary>
/// In-process <see cref="IStorage"/> for tests and single-instance development. Batches are atomic
/// and follow the same ETag rules as the durable stores.
/// </summary>
public sealed class MemoryStorage : IStorage
{
    private readonly Dictionary<string, (string Json, long Version)> _items = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _nextVersion;

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, StoreItem>(keys.Count, StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var key in keys)
            {
                if (_items.TryGetValue(key, out var item))
                {
                    result[key] = new StoreItem(item.Json, FormatETag(item.Version));
                }
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, StoreItem>>(result);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var etags = new Dictionary<string, string>(changes.Count, StringComparer.Ordinal);
        lock (_gate)
        {
            // Check the whole batch first so that a conflict leaves nothing half-written.
            foreach (var (key, item) in changes)
            {
                ArgumentException.ThrowIfNullOrEmpty(key);
                var exists = _items.TryGetValue(key, out var current);
                var ok = item.ETag switch
                {
                    null => !exists,
                    "*" => true,
                    _ => exists && string.Equals(FormatETag(current.Version), item.ETag, StringComparison.Ordinal),
                };
                if (!ok)
                {
                    throw StorageConflictException.ForKey(key);
                }
            }

            foreach (var (key, item) in changes)
            {
                var version = ++_nextVersion;
                _items[key] = (item.Json, version);
                etags[key] = FormatETag(version);
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, string>>(etags);
    }

    /// <inheritdoc />
    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_gate)
        {
            foreach (var key in keys)
            {
                _items.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        string[] keys;
        lock (_gate)
        {
            keys = _items.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        }

        foreach (var key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return key;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private static string FormatETag(long version) => "\"" + version.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"";
}
