using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;

namespace CoachBot.Storage.AzureBlob;

/// <summary>
/// A minimal Blob service REST client for one container: Create Container, Put Blob (block blob,
/// conditional), Get Blob, Delete Blob and List Blobs, authorised by Shared Key or SAS, with retries
/// and exponential backoff for 5xx, 408, 429, network errors and timeouts.
/// </summary>
internal sealed class BlobRestClient : IDisposable
{
    /// <summary>The REST API version sent as <c>x-ms-version</c>.</summary>
    public const string ApiVersion = "2021-08-06";

    private static readonly MediaTypeHeaderValue JsonType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly AzureBlobConnection _connection;
    private readonly AzureBlobStorageOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly string _containerPath;

    public BlobRestClient(AzureBlobConnection connection, AzureBlobStorageOptions options, TimeProvider timeProvider, HttpMessageHandler? handler)
    {
        _connection = connection;
        _options = options;
        _timeProvider = timeProvider;
        _containerPath = "/" + Uri.EscapeDataString(options.Container);
        _http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan, // each attempt has its own timeout, on the TimeProvider
        };
    }

    public string Container => _options.Container;

    /// <summary>Creates the container; an existing one is fine.</summary>
    public async Task CreateContainerAsync(CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Put, string.Empty, [new("restype", "container")], null, null, "create container", cancellationToken)
            .ConfigureAwait(false);
        if (response.Status is HttpStatusCode.Created || (response.Status is HttpStatusCode.Conflict && response.ErrorCode == "ContainerAlreadyExists"))
        {
            return;
        }

        throw Failure("create container", response);
    }

    /// <summary>Uploads a block blob under the given condition. 412 and 409 come back as they are.</summary>
    public Task<BlobResponse> PutAsync(string blobName, byte[] content, string? ifMatch, bool ifNoneMatchAny, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, BlobPath(blobName), [], content, request =>
        {
            request.Headers.TryAddWithoutValidation("x-ms-blob-type", "BlockBlob");
            if (ifMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            }

            if (ifNoneMatchAny)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", "*");
            }
        }, "put blob", cancellationToken);

    /// <summary>Downloads a blob; null when it does not exist.</summary>
    public async Task<BlobResponse?> GetAsync(string blobName, CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Get, BlobPath(blobName), [], null, null, "get blob", cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            HttpStatusCode.OK => response,
            HttpStatusCode.NotFound when response.ErrorCode is "BlobNotFound" => null,
            _ => throw Failure("get blob", response, blobName),
        };
    }

    /// <summary>Deletes a blob (and its snapshots); a missing blob is fine.</summary>
    public async Task DeleteAsync(string blobName, CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Delete, BlobPath(blobName), [], null,
            request => request.Headers.TryAddWithoutValidation("x-ms-delete-snapshots", "include"), "delete blob", cancellationToken).ConfigureAwait(false);
        if (response.Status is HttpStatusCode.Accepted or HttpStatusCode.OK
            || (response.Status is HttpStatusCode.NotFound && response.ErrorCode is "BlobNotFound"))
        {
            return;
        }

        throw Failure("delete blob", response, blobName);
    }

    /// <summary>One page of List Blobs: the blob names and the marker of the next page (null at the end).</summary>
    public async Task<(IReadOnlyList<string> Names, string? NextMarker)> ListAsync(string prefix, string? marker, CancellationToken cancellationToken)
    {
        var query = new List<KeyValuePair<string, string>>
        {
            new("restype", "container"),
            new("comp", "list"),
            new("maxresults", _options.ListPageSize.ToString(CultureInfo.InvariantCulture)),
        };
        if (prefix.Length > 0)
        {
            query.Add(new("prefix", prefix));
        }

        if (!string.IsNullOrEmpty(marker))
        {
            query.Add(new("marker", marker));
        }

        var response = await SendAsync(HttpMethod.Get, string.Empty, query, null, null, "list blobs", cancellationToken).ConfigureAwait(false);
        if (response.Status is not HttpStatusCode.OK)
        {
            throw Failure("list blobs", response);
        }

        XDocument document;
        try
        {
            using var stream = new MemoryStream(response.Body);
            document = XDocument.Load(stream);
        }
        catch (System.Xml.XmlException ex)
        {
            throw new BlobStorageException($"Azure Blob list blobs in '{Container}' returned XML that could not be read: {ex.Message}", ex);
        }

        var root = document.Root;
        var names = root?.Element("Blobs")?.Elements("Blob").Select(b => (string?)b.Element("Name")).OfType<string>().ToList() ?? [];
        var next = (string?)root?.Element("NextMarker");
        return (names, string.IsNullOrEmpty(next) ? null : next);
    }

    public void Dispose() => _http.Dispose();

    private static string BlobPath(string blobName) => "/" + Uri.EscapeDataString(blobName);

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private BlobStorageException Failure(string operation, BlobResponse response, string? blobName = null)
    {
        var where = blobName is null ? $"container '{Container}'" : $"'{BlobNames.Decode(blobName)}' in container '{Container}'";
        var message = ReadErrorMessage(response.Body);
        var hint = response.Status is HttpStatusCode.Forbidden
            ? " Check the account key or SAS (permissions, expiry) and the machine clock."
            : string.Empty;
        return new BlobStorageException(
            $"Azure Blob {operation} for {where} failed: {(int)response.Status} {response.Status} {response.ErrorCode}{(message is null ? string.Empty : ": " + message)}.{hint}")
        {
            Status = response.Status,
            ErrorCode = response.ErrorCode,
        };
    }

    private static string? ReadErrorMessage(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            using var stream = new MemoryStream(body);
            var message = (string?)XDocument.Load(stream).Root?.Element("Message");
            return message?.Split('\n')[0].Trim();
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    private async Task<BlobResponse> SendAsync(
        HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>> query, byte[]? content,
        Action<HttpRequestMessage>? configure, string operation, CancellationToken cancellationToken)
    {
        var retried = false;
        for (var attempt = 0; ; attempt++)
        {
            Exception? failure = null;
            BlobResponse? transient = null;
            using (var request = Build(method, path, query, content, configure))
            using (var timeout = new CancellationTokenSource(_options.RequestTimeout, _timeProvider))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
            {
                try
                {
                    using var response = await _http.SendAsync(request, linked.Token).ConfigureAwait(false);
                    var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
                    var result = new BlobResponse(
                        response.StatusCode,
                        response.Headers.TryGetValues("ETag", out var etags) ? etags.FirstOrDefault() : null,
                        body,
                        response.Headers.TryGetValues("x-ms-error-code", out var codes) ? codes.FirstOrDefault() : null,
                        retried);
                    if (!IsTransient(result.Status))
                    {
                        return result;
                    }

                    transient = result;
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = new TimeoutException($"Azure Blob {operation} timed out after {_options.RequestTimeout.TotalSeconds:0.#} s.", ex);
                }
                catch (HttpRequestException ex)
                {
                    failure = ex;
                }
            }

            if (attempt >= _options.MaxRetries)
            {
                if (transient is not null)
                {
                    throw Failure(operation, transient);
                }

                throw new BlobStorageException(
                    $"Azure Blob {operation} in container '{Container}' failed after {attempt + 1} attempt(s): {failure!.Message}", failure);
            }

            // The failed attempt may still have been applied by the service; callers check on a conflict.
            retried = true;
            await Task.Delay(Backoff(attempt), _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var baseDelay = _options.RetryDelay.TotalMilliseconds * Math.Pow(2, attempt);
        var jittered = baseDelay * (0.8 + (0.4 * Random.Shared.NextDouble()));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, MaxDelay.TotalMilliseconds));
    }

    private HttpRequestMessage Build(
        HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>> query, byte[]? content, Action<HttpRequestMessage>? configure)
    {
        var url = new System.Text.StringBuilder(_connection.BlobEndpoint.ToString().TrimEnd('/'))
            .Append(_containerPath).Append(path);
        var separator = '?';
        foreach (var (name, value) in query)
        {
            url.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        if (_connection.Sas is not null)
        {
            url.Append(separator).Append(_connection.Sas);
        }

        var request = new HttpRequestMessage(method, new Uri(url.ToString()));
        if (content is not null)
        {
            request.Content = new ByteArrayContent(content);
            request.Content.Headers.ContentType = JsonType;
        }
        else if (method == HttpMethod.Put)
        {
            request.Content = new ByteArrayContent([]);
        }

        request.Headers.TryAddWithoutValidation("x-ms-version", ApiVersion);
        request.Headers.TryAddWithoutValidation("x-ms-date", _timeProvider.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
        configure?.Invoke(request);
        if (_connection.AccountKey is { } key)
        {
            var stringToSign = SharedKeySigner.StringToSign(request, _connection.AccountName!, query);
            request.Headers.TryAddWithoutValidation("Authorization", SharedKeySigner.Authorization(stringToSign, _connection.AccountName!, key));
        }

        return request;
    }
}
