using System.Runtime.CompilerServices;
using System.Text;
using CoachBot.Protocol.State;

namespace CoachBot.Storage.AzureBlob;

/// <summary>
/// <see cref="IStorage"/> on Azure Blob Storage (or Azurite): one block blob per key in one container,
/// the blob's ETag as the item's ETag, conditional Put Blob for the ETag rules (If-None-Match: * to
/// create, If-Match to update), so 412 or 409 becomes <see cref="StorageConflictException"/>.
/// </summary>
/// <remarks>
/// A batch is NOT atomic here: keys are written one after another and a conflict stops the batch, with
/// the keys before it already written (the exception message says how many). Callers that need
/// all-or-nothing across keys must keep those values in one key, or use SQLite.
/// A retried conditional write whose first attempt was applied but unanswered would see its own change
/// as a conflict; after a retry the stored content is compared and, when it is exactly what was sent,
/// the write counts as done.
/// </remarks>
public sealed class AzureBlobStorage : IStorage, IDisposable
{
    private const int ParallelRequests = 8;

    private readonly BlobRestClient _client;
    private readonly Lock _initGate = new();
    private Task? _initialization;

    /// <summary>Creates the store. Nothing is sent until first use or <see cref="InitializeAsync"/>.</summary>
    /// <param name="options">The settings; see <see cref="AzureBlobStorageOptions"/>.</param>
    /// <param name="timeProvider">The clock for request dates, timeouts and backoff; the system clock by default.</param>
    /// <param name="handler">The HTTP handler (tests); a pooled <see cref="SocketsHttpHandler"/> by default. Disposed with the store.</param>
    /// <exception cref="FormatException">The connection settings are malformed.</exception>
    public AzureBlobStorage(AzureBlobStorageOptions options, TimeProvider? timeProvider = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Connection = AzureBlobConnection.FromOptions(options);
        _client = new BlobRestClient(Connection, options, timeProvider ?? TimeProvider.System, handler);
    }

    /// <summary>The endpoint and authorisation in use.</summary>
    public AzureBlobConnection Connection { get; }

    /// <summary>Creates the container when missing. Idempotent; a failed attempt is retried on the next call.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        lock (_initGate)
        {
            if (_initialization is null || _initialization.IsFaulted || _initialization.IsCanceled)
            {
                _initialization = _client.CreateContainerAsync(CancellationToken.None);
            }

            return _initialization.WaitAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var names = keys.Distinct(StringComparer.Ordinal).Select(key => (Key: key, Name: BlobNames.EncodeForWrite(key))).ToList();
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<string, StoreItem>(names.Count, StringComparer.Ordinal);
        var gate = new Lock();
        await Parallel.ForEachAsync(
            names,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelRequests, CancellationToken = cancellationToken },
            async (entry, token) =>
            {
                var blob = await _client.GetAsync(entry.Name, token).ConfigureAwait(false);
                if (blob is not null)
                {
                    var item = new StoreItem(Encoding.UTF8.GetString(blob.Body), blob.ETag);
                    lock (gate)
                    {
                        result[entry.Key] = item;
                    }
                }
            }).ConfigureAwait(false);
        return result;
    }

    /// <inheritdoc />
    /// <remarks>Not atomic across keys: see the remarks on <see cref="AzureBlobStorage"/>.</remarks>
    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var writes = new List<(string Key, string Name, StoreItem Item)>(changes.Count);
        foreach (var (key, item) in changes)
        {
            var name = BlobNames.EncodeForWrite(key);
            if (item?.Json is null)
            {
                throw new ArgumentException($"The item for key '{key}' is null or has no JSON.", nameof(changes));
            }

            if (item.ETag is not null && (item.ETag.Length == 0 || item.ETag.AsSpan().IndexOfAny('\r', '\n') >= 0))
            {
                throw new ArgumentException($"The ETag for key '{key}' is empty or contains a line break.", nameof(changes));
            }

            writes.Add((key, name, item));
        }

        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var etags = new Dictionary<string, string>(writes.Count, StringComparer.Ordinal);
        foreach (var (key, name, item) in writes)
        {
            var content = Encoding.UTF8.GetBytes(item.Json);
            var ifMatch = item.ETag is null or "*" ? null : item.ETag;
            var response = await _client.PutAsync(name, content, ifMatch, ifNoneMatchAny: item.ETag is null, cancellationToken).ConfigureAwait(false);
            if (response.Status is System.Net.HttpStatusCode.Created or System.Net.HttpStatusCode.OK)
            {
                etags[key] = response.ETag ?? throw new BlobStorageException($"Azure Blob put blob for '{key}' returned no ETag.");
                continue;
            }

            var conflict = response.Status is System.Net.HttpStatusCode.PreconditionFailed
                || (response.Status is System.Net.HttpStatusCode.Conflict && response.ErrorCode is "BlobAlreadyExists");
            if (!conflict)
            {
                throw new BlobStorageException(
                    $"Azure Blob put blob for '{key}' in container '{_client.Container}' failed: {(int)response.Status} {response.ErrorCode}.")
                {
                    Status = response.Status,
                    ErrorCode = response.ErrorCode,
                };
            }

            if (response.Retried && await OwnWriteAsync(name, content, cancellationToken).ConfigureAwait(false) is { } ownETag)
            {
                etags[key] = ownETag;
                continue;
            }

            var written = etags.Count;
            throw new StorageConflictException(
                $"Storage conflict on '{key}': it was changed by someone else (ETag mismatch)." +
                (written > 0 ? $" {written} earlier key(s) of this batch were already written: blob batches are not atomic." : string.Empty))
            {
                Key = key,
            };
        }

        return etags;
    }

    /// <inheritdoc />
    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var names = keys.Distinct(StringComparer.Ordinal).Select(BlobNames.EncodeForWrite).ToList();
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        await Parallel.ForEachAsync(
            names,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelRequests, CancellationToken = cancellationToken },
            async (name, token) => await _client.DeleteAsync(name, token).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Pages through List Blobs with the encoded prefix, then yields the keys in ordinal order (blob
    /// names sort by their encoded form, which is a different order).
    /// </remarks>
    public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var encodedPrefix = BlobNames.Encode(prefix);
        var keys = new List<string>();
        string? marker = null;
        do
        {
            var (names, next) = await _client.ListAsync(encodedPrefix, marker, cancellationToken).ConfigureAwait(false);
            keys.AddRange(names.Select(BlobNames.Decode));
            marker = next;
        }
        while (marker is not null);

        keys.Sort(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return key;
        }
    }

    /// <summary>Releases the HTTP client.</summary>
    public void Dispose() => _client.Dispose();

    private async Task<string?> OwnWriteAsync(string name, byte[] content, CancellationToken cancellationToken)
    {
        var current = await _client.GetAsync(name, cancellationToken).ConfigureAwait(false);
        return current is not null && current.Body.AsSpan().SequenceEqual(content) ? current.ETag : null;
    }
}
