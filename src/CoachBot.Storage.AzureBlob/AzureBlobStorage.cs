using System.Runtime.CompilerServices;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace CoachBot.Storage.AzureBlob;

/// <summary>
/// <see cref="IStorage"/> on Azure Blob Storage (or Azurite) through the Azure SDK: one block blob per key in one
/// container, the blob's ETag as the item's ETag, and conditional uploads for the ETag rules (If-None-Match: * to
/// create, If-Match to update), so 412, or 409 BlobAlreadyExists, becomes <see cref="StorageConflictException"/>.
/// </summary>
/// <remarks>
/// A batch is NOT atomic here: keys are written one after another and a conflict stops the batch, with
/// the keys before it already written (the exception message says how many). Callers that need
/// all-or-nothing across keys must keep those values in one key, or use SQLite.
/// A conditional write that the SDK retried after an attempt whose answer was lost may see its own change as a
/// conflict; then the stored content is compared and, when it is exactly what was sent, the write counts as done.
/// </remarks>
public sealed class AzureBlobStorage : IStorage
{
    private const int ParallelRequests = 8;
    private const string AttemptsProperty = "CoachBot.Attempts";
    private static readonly BlobHttpHeaders JsonHeaders = new() { ContentType = "application/json; charset=utf-8" };

    private readonly BlobContainerClient _container;
    private readonly int _listPageSize;
    private readonly Lock _initGate = new();
    private Task? _initialization;

    /// <summary>Creates the store. Nothing is sent until first use or <see cref="InitializeAsync"/>.</summary>
    /// <exception cref="InvalidOperationException">The settings are not valid; the message names each bad key.</exception>
    public AzureBlobStorage(AzureBlobStorageOptions options)
        : this(options, transport: null)
    {
    }

    /// <summary>Creates the store on the given HTTP handler (tests).</summary>
    internal AzureBlobStorage(AzureBlobStorageOptions options, HttpMessageHandler? transport)
    {
        ArgumentNullException.ThrowIfNull(options);
        AzureBlobClients.TryChooseCredential(options, out var credential, out _);
        var service = AzureBlobClients.CreateServiceClient(options, transport, new AttemptCounter());
        _container = service.GetBlobContainerClient(options.Container);
        _listPageSize = options.ListPageSize;
        Credential = credential;
        Endpoint = new Uri(service.Uri.GetLeftPart(UriPartial.Path));
    }

    /// <summary>The blob service URL (never with a SAS).</summary>
    public Uri Endpoint { get; }

    /// <summary>How requests are authorised.</summary>
    public AzureBlobCredential Credential { get; }

    /// <summary>The container's name.</summary>
    public string Container => _container.Name;

    /// <summary>
    /// Creates the container when missing, which also proves the endpoint and credential work. Idempotent; a failed
    /// attempt is retried on the next call.
    /// </summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        lock (_initGate)
        {
            if (_initialization is null || _initialization.IsFaulted || _initialization.IsCanceled)
            {
                // Not tied to one caller's token: several callers may share this initialisation.
                _initialization = CreateContainerAsync();
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
                if (await DownloadAsync(entry.Name, token).ConfigureAwait(false) is { } item)
                {
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
            var content = BinaryData.FromString(item.Json);
            var (etag, retried) = await UploadAsync(name, content, item.ETag, cancellationToken).ConfigureAwait(false);
            if (etag is null && retried)
            {
                etag = await OwnWriteAsync(name, content, cancellationToken).ConfigureAwait(false);
            }

            if (etag is null)
            {
                var written = etags.Count;
                throw new StorageConflictException(
                    $"Storage conflict on '{key}': it was changed by someone else (ETag mismatch)." +
                    (written > 0 ? $" {written} earlier key(s) of this batch were already written: blob batches are not atomic." : string.Empty))
                {
                    Key = key,
                };
            }

            etags[key] = etag;
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
            async (name, token) => await _container.GetBlobClient(name)
                .DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: token).ConfigureAwait(false)).ConfigureAwait(false);
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
        var blobs = _container.GetBlobsAsync(new GetBlobsOptions { Prefix = encodedPrefix.Length > 0 ? encodedPrefix : null }, cancellationToken);
        await foreach (var page in blobs.AsPages(pageSizeHint: _listPageSize).ConfigureAwait(false))
        {
            keys.AddRange(page.Values.Select(blob => BlobNames.Decode(blob.Name)));
        }

        keys.Sort(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return key;
        }
    }

    private async Task CreateContainerAsync()
    {
        try
        {
            await _container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RequestFailedException or Azure.Identity.AuthenticationFailedException or AggregateException or OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"Azure Blob storage at {Endpoint} (container '{Container}', credential {Credential}) could not be opened: {ex.Message}", ex);
        }
    }

    /// <summary>The blob's content and ETag, or null when it does not exist.</summary>
    private async Task<StoreItem?> DownloadAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var download = await _container.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return new StoreItem(download.Value.Content.ToString(), download.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.BlobNotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// Uploads under the item's ETag rule. Returns the new ETag, or null on a conflict; and whether the SDK sent the
    /// request more than once (an earlier attempt may have been applied).
    /// </summary>
    private async Task<(string? ETag, bool Retried)> UploadAsync(string name, BinaryData content, string? etag, CancellationToken cancellationToken)
    {
        var conditions = etag switch
        {
            null => new BlobRequestConditions { IfNoneMatch = ETag.All },
            "*" => null,
            _ => new BlobRequestConditions { IfMatch = new ETag(etag) },
        };
        var attempts = new StrongBox<int>();
        using var scope = HttpPipeline.CreateHttpMessagePropertiesScope(new Dictionary<string, object?> { [AttemptsProperty] = attempts });
        try
        {
            using var stream = content.ToStream();
            var uploaded = await _container.GetBlockBlobClient(name)
                .UploadAsync(stream, new BlobUploadOptions { HttpHeaders = JsonHeaders, Conditions = conditions }, cancellationToken)
                .ConfigureAwait(false);
            return (uploaded.Value.ETag.ToString(), attempts.Value > 1);
        }
        catch (RequestFailedException ex) when (ex.Status == 412 || (ex.Status == 409 && ex.ErrorCode == BlobErrorCode.BlobAlreadyExists))
        {
            return (null, attempts.Value > 1);
        }
    }

    private async Task<string?> OwnWriteAsync(string name, BinaryData content, CancellationToken cancellationToken)
    {
        var current = await DownloadAsync(name, cancellationToken).ConfigureAwait(false);
        return current is not null && string.Equals(current.Json, content.ToString(), StringComparison.Ordinal) ? current.ETag : null;
    }

    /// <summary>Counts the attempts of a request (retries included) in the <see cref="StrongBox{T}"/> its scope gave it.</summary>
    private sealed class AttemptCounter : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            if (message.TryGetProperty(AttemptsProperty, out var value) && value is StrongBox<int> attempts)
            {
                Interlocked.Increment(ref attempts.Value);
            }
        }
    }
}
