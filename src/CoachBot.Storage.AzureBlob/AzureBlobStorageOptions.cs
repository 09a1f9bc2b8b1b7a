namespace CoachBot.Storage.AzureBlob;

/// <summary>
/// Settings of the Azure Blob store (configuration section <c>Storage:AzureBlob</c>). Give a
/// <see cref="ConnectionString"/>; or <see cref="AccountUrl"/> with <see cref="Sas"/>; or <see cref="AccountUrl"/>
/// with <see cref="Credential"/> <c>DefaultAzureCredential</c> or <c>ManagedIdentity</c>.
/// </summary>
public sealed class AzureBlobStorageOptions
{
    /// <summary>The default container name.</summary>
    public const string DefaultContainer = "coachbot";

    /// <summary>
    /// How requests are authorised: <c>ConnectionString</c>, <c>Sas</c>, <c>DefaultAzureCredential</c> or
    /// <c>ManagedIdentity</c> (any case). When empty it follows from what is set: a connection string, or an
    /// account URL with a SAS.
    /// </summary>
    public string? Credential { get; set; }

    /// <summary>
    /// A storage connection string: <c>UseDevelopmentStorage=true</c> (Azurite on its default port),
    /// <c>DefaultEndpointsProtocol=…;AccountName=…;AccountKey=…[;BlobEndpoint=…][;EndpointSuffix=…]</c>,
    /// or <c>BlobEndpoint=…;SharedAccessSignature=…</c>. No default.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The blob service URL, e.g. <c>https://account.blob.core.windows.net</c>; with a SAS or an Entra ID credential.</summary>
    public string? AccountUrl { get; set; }

    /// <summary>A shared access signature (query string, with or without the leading '?') for <see cref="AccountUrl"/>.</summary>
    public string? Sas { get; set; }

    /// <summary>
    /// The client id of a user-assigned managed identity, for <c>ManagedIdentity</c> and <c>DefaultAzureCredential</c>.
    /// Empty: the system-assigned identity.
    /// </summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The container that holds the items; created at start-up when missing. Default: <c>coachbot</c>.</summary>
    public string Container { get; set; } = DefaultContainer;

    /// <summary>Retries after a 5xx, 408, 429, network error or timeout (the SDK's retry policy). Default: 4; from 0 to 10.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first retry delay; it doubles on each retry (with jitter), up to 30 seconds. Default: 0.5 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long one attempt may take before it counts as timed out (the SDK's network timeout). Default: 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Blobs asked for per List Blobs page. Default: 5000 (the service maximum); from 1 to 5000.</summary>
    public int ListPageSize { get; set; } = 5000;
}
