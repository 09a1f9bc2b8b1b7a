namespace CoachBot.Storage;

/// <summary>
/// Key/value storage with optimistic concurrency, in the shape of the Bot Framework's IStorage.
/// Values are JSON documents. Every implementation passes the same contract test suite.
/// </summary>
/// <remarks>
/// ETag rules for <see cref="WriteAsync"/>:
/// <list type="bullet">
/// <item><c>null</c>: create only; if the key already exists the write is a conflict.</item>
/// <item><c>"*"</c>: unconditional write (create or overwrite).</item>
/// <item>any other value: overwrite only if the stored ETag equals it; otherwise a conflict.</item>
/// </list>
/// A conflict throws <see cref="StorageConflictException"/> and never overwrites silently.
/// Where the store supports it (SQLite, memory) a batch is atomic: all of it is written or none.
/// </remarks>
public interface IStorage
{
    /// <summary>Reads the given keys; keys that do not exist are absent from the result.</summary>
    Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);

    /// <summary>Writes a batch of items and returns the new ETag of each key written.</summary>
    Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default);

    /// <summary>Deletes the given keys; missing keys are ignored.</summary>
    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);

    /// <summary>Lists the keys that start with <paramref name="prefix"/>, in ordinal order.</summary>
    IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken = default);
}

/// <summary>A stored JSON document and the ETag it was read with (or must match on write).</summary>
/// <param name="Json">The document, as UTF-8 JSON text.</param>
/// <param name="ETag">See the ETag rules on <see cref="IStorage"/>.</param>
public sealed record StoreItem(string Json, string? ETag);

/// <summary>A write lost an optimistic-concurrency race: the stored ETag did not match.</summary>
public sealed class StorageConflictException : Exception
{
    public StorageConflictException()
        : this("The item was changed by someone else.")
    {
    }

    public StorageConflictException(string message)
        : base(message)
    {
    }

    public StorageConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The key whose write conflicted, when known.</summary>
    public string? Key { get; init; }

    /// <summary>Creates the exception for a key.</summary>
    public static StorageConflictException ForKey(string key) =>
        new($"Storage conflict on '{key}': it was changed by someone else (ETag mismatch).") { Key = key };
}

/// <summary>
/// The turn's state could not be read or saved (the store was down or failed). Nothing of the turn was saved and
/// its replies were not sent; the state from the last saved turn is still there and must be kept.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
        : this("The state store could not be reached.")
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
