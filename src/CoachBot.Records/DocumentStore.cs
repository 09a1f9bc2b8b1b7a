using System.Runtime.CompilerServices;
using System.Text.Json;
using CoachBot.Protocol.State;
using CoachBot.Storage;

namespace CoachBot.Records;

/// <summary>
/// Typed JSON documents by id under one key prefix (<c>{collection}/{id}</c>) on any
/// <see cref="IStorage"/>, with the store's ETag rules: create-only, replace-if-unchanged, and an
/// optimistic read-modify-write loop that retries conflicts and never overwrites someone else's change.
/// </summary>
/// <typeparam name="T">The document type.</typeparam>
public sealed class DocumentStore<T>
    where T : class
{
    private readonly IStorage _storage;
    private readonly string _prefix;
    private readonly JsonSerializerOptions _json;

    /// <summary>Creates the store for a collection such as <c>patients</c>.</summary>
    /// <param name="storage">The key/value store.</param>
    /// <param name="collection">The key prefix, without a trailing '/'.</param>
    /// <param name="json">Serialiser options; <see cref="StateJson.Options"/> by default.</param>
    public DocumentStore(IStorage storage, string collection, JsonSerializerOptions? json = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _storage = storage;
        _prefix = RecordJson.CheckCollection(collection) + "/";
        _json = json ?? StateJson.Options;
    }

    /// <summary>The storage key of a document (ids are percent-encoded into one segment).</summary>
    public string KeyFor(string id) => _prefix + RecordJson.Segment(id);

    /// <summary>Reads a document; null when there is none.</summary>
    /// <exception cref="InvalidDataException">The stored JSON is not a <typeparamref name="T"/>.</exception>
    public async Task<Versioned<T>?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var key = KeyFor(id);
        var items = await _storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(key, out var item) ? new Versioned<T>(RecordJson.Deserialize<T>(key, item, _json), item.ETag!) : null;
    }

    /// <summary>Creates a document and returns its ETag.</summary>
    /// <exception cref="StorageConflictException">A document with this id exists.</exception>
    public Task<string> CreateAsync(string id, T value, CancellationToken cancellationToken = default) =>
        WriteAsync(id, value, null, cancellationToken);

    /// <summary>Replaces a document if it still has <paramref name="etag"/>; returns the new ETag.</summary>
    /// <exception cref="StorageConflictException">It changed (or was deleted) since it was read.</exception>
    public Task<string> ReplaceAsync(string id, T value, string etag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(etag);
        return WriteAsync(id, value, etag, cancellationToken);
    }

    /// <summary>
    /// Reads the document (null when missing), applies <paramref name="change"/> and writes the result
    /// conditionally; on a conflict it reads again and re-applies, up to <paramref name="maxAttempts"/> times.
    /// <paramref name="change"/> must be a pure function of its input, as it may run more than once.
    /// </summary>
    /// <exception cref="StorageConflictException">Every attempt lost a race.</exception>
    public async Task<Versioned<T>> UpdateAsync(string id, Func<T?, T> change, int maxAttempts = 5, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        for (var attempt = 1; ; attempt++)
        {
            var current = await GetAsync(id, cancellationToken).ConfigureAwait(false);
            var next = change(current?.Value);
            try
            {
                var etag = await WriteAsync(id, next, current?.ETag, cancellationToken).ConfigureAwait(false);
                return new Versioned<T>(next, etag);
            }
            catch (StorageConflictException) when (attempt < maxAttempts)
            {
                // Someone else changed it first: start again from their version.
            }
        }
    }

    /// <summary>Deletes a document; a missing one is fine.</summary>
    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        _storage.DeleteAsync([KeyFor(id)], cancellationToken);

    /// <summary>Lists the ids in the collection, in ordinal order of their keys.</summary>
    public async IAsyncEnumerable<string> ListIdsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var key in _storage.ListKeysAsync(_prefix, cancellationToken).ConfigureAwait(false))
        {
            var segment = key[_prefix.Length..];
            if (!segment.Contains('/', StringComparison.Ordinal))
            {
                yield return Uri.UnescapeDataString(segment);
            }
        }
    }

    private async Task<string> WriteAsync(string id, T value, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        var key = KeyFor(id);
        var written = await _storage.WriteAsync(
            new Dictionary<string, StoreItem>(StringComparer.Ordinal) { [key] = new(RecordJson.Serialize(value, _json), etag) },
            cancellationToken).ConfigureAwait(false);
        return written[key];
    }
}
