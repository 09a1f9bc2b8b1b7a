namespace CoachBot.Storage.AzureBlob;

/// <summary>
/// Where the blob service is and how requests are authorised, read from a connection string or from
/// an account URL plus SAS. Error messages name the faulty setting but never echo a secret.
/// </summary>
public sealed class AzureBlobConnection
{
    /// <summary>The Azurite / storage emulator account name.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    // The emulator's documented, public well-known key: not a secret.
    private const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase)
    {
        "QueueEndpoint", "TableEndpoint", "FileEndpoint", "QueueSecondaryEndpoint", "TableSecondaryEndpoint",
        "FileSecondaryEndpoint", "BlobSecondaryEndpoint",
    };

    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "UseDevelopmentStorage", "DevelopmentStorageProxyUri", "DefaultEndpointsProtocol", "AccountName",
        "AccountKey", "BlobEndpoint", "EndpointSuffix", "SharedAccessSignature",
    };

    private AzureBlobConnection(Uri blobEndpoint, string? accountName, byte[]? accountKey, string? sas)
    {
        BlobEndpoint = blobEndpoint;
        AccountName = accountName;
        AccountKey = accountKey;
        Sas = sas;
    }

    /// <summary>The blob service base URL, without a trailing slash (path-style for the emulator).</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>The account name (needed for SharedKey; may be unknown with a SAS).</summary>
    public string? AccountName { get; }

    /// <summary>The SAS query (without '?') when requests are authorised by SAS, else null.</summary>
    public string? Sas { get; }

    /// <summary>True when requests are signed with the account key (SharedKey).</summary>
    public bool UsesSharedKey => AccountKey is not null;

    internal byte[]? AccountKey { get; }

    /// <summary>Reads the connection from options: <c>ConnectionString</c>, or <c>AccountUrl</c> + <c>Sas</c>.</summary>
    /// <exception cref="FormatException">The settings are incomplete or malformed; the message says which.</exception>
    public static AzureBlobConnection FromOptions(AzureBlobStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        var hasAccountUrl = !string.IsNullOrWhiteSpace(options.AccountUrl);
        if (hasConnectionString && hasAccountUrl)
        {
            throw new FormatException("Give either ConnectionString or AccountUrl + Sas, not both.");
        }

        if (hasConnectionString)
        {
            return Parse(options.ConnectionString!);
        }

        if (!hasAccountUrl)
        {
            throw new FormatException("ConnectionString or AccountUrl (with Sas) must be set.");
        }

        var endpoint = ParseEndpoint(options.AccountUrl!, "AccountUrl");
        if (string.IsNullOrWhiteSpace(options.Sas))
        {
            throw new FormatException("Sas must be set when AccountUrl is used.");
        }

        return new AzureBlobConnection(endpoint, null, null, NormaliseSas(options.Sas, "Sas"));
    }

    /// <summary>Parses a storage connection string.</summary>
    /// <exception cref="FormatException">The string is malformed or incomplete; the message names the setting.</exception>
    public static AzureBlobConnection Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var segments = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            var equals = segments[i].IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"part {i + 1} of the connection string is not Name=Value.");
            }

            var name = segments[i][..equals].Trim();
            if (Ignored.Contains(name))
            {
                continue;
            }

            if (!Known.Contains(name))
            {
                throw new FormatException($"unknown setting '{name}' in the connection string.");
            }

            if (!settings.TryAdd(name, segments[i][(equals + 1)..].Trim()))
            {
                throw new FormatException($"setting '{name}' appears twice in the connection string.");
            }
        }

        if (settings.Count == 0)
        {
            throw new FormatException("the connection string is empty.");
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var development))
        {
            if (!string.Equals(development, "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException("UseDevelopmentStorage must be 'true' when given.");
            }

            if (settings.Count > 1 + (settings.ContainsKey("DevelopmentStorageProxyUri") ? 1 : 0))
            {
                throw new FormatException("UseDevelopmentStorage=true cannot be combined with account settings; use BlobEndpoint + AccountName + AccountKey instead.");
            }

            if (settings.ContainsKey("DevelopmentStorageProxyUri"))
            {
                throw new FormatException("DevelopmentStorageProxyUri is not supported.");
            }

            return Development(new Uri("http://127.0.0.1:10000/" + DevelopmentAccountName));
        }

        settings.TryGetValue("AccountName", out var accountName);
        settings.TryGetValue("AccountKey", out var accountKeyText);
        settings.TryGetValue("SharedAccessSignature", out var sas);
        if (accountKeyText is not null && sas is not null)
        {
            throw new FormatException("give AccountKey or SharedAccessSignature, not both.");
        }

        if (accountKeyText is null && sas is null)
        {
            throw new FormatException("AccountKey (with AccountName) or SharedAccessSignature is required.");
        }

        byte[]? accountKey = null;
        if (accountKeyText is not null)
        {
            if (string.IsNullOrEmpty(accountName))
            {
                throw new FormatException("AccountName is required with AccountKey.");
            }

            try
            {
                accountKey = Convert.FromBase64String(accountKeyText);
            }
            catch (FormatException)
            {
                throw new FormatException("AccountKey is not valid base64.");
            }

            if (accountKey.Length == 0)
            {
                throw new FormatException("AccountKey is empty.");
            }
        }

        Uri endpoint;
        if (settings.TryGetValue("BlobEndpoint", out var blobEndpoint))
        {
            endpoint = ParseEndpoint(blobEndpoint, "BlobEndpoint");
        }
        else
        {
            if (string.IsNullOrEmpty(accountName))
            {
                throw new FormatException("AccountName or BlobEndpoint is required.");
            }

            var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https");
            if (protocol is not ("http" or "https"))
            {
                throw new FormatException($"DefaultEndpointsProtocol must be http or https (was '{protocol}').");
            }

            var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
            endpoint = ParseEndpoint($"{protocol}://{accountName}.blob.{suffix}", "AccountName/EndpointSuffix");
        }

        return new AzureBlobConnection(endpoint, accountName, accountKey, sas is null ? null : NormaliseSas(sas, "SharedAccessSignature"));
    }

    /// <summary>The emulator account (well-known name and key) at the given blob endpoint, path-style.</summary>
    public static AzureBlobConnection Development(Uri blobEndpoint)
    {
        ArgumentNullException.ThrowIfNull(blobEndpoint);
        return new AzureBlobConnection(
            ParseEndpoint(blobEndpoint.ToString(), "BlobEndpoint"), DevelopmentAccountName, Convert.FromBase64String(DevelopmentAccountKey), null);
    }

    private static Uri ParseEndpoint(string value, string name)
    {
        if (!Uri.TryCreate(value.Trim().TrimEnd('/'), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(uri.Query))
        {
            throw new FormatException($"{name} must be an absolute http or https URL without a query.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            // Patient records and the requests' signatures would cross the network in clear.
            throw new FormatException($"{name} must use https: plain http is accepted only for a loopback address (was '{uri.GetLeftPart(UriPartial.Authority)}').");
        }

        return uri;
    }

    private static string NormaliseSas(string sas, string name)
    {
        var trimmed = sas.Trim().TrimStart('?');
        if (trimmed.Length == 0 || !trimmed.Contains("sig=", StringComparison.Ordinal))
        {
            throw new FormatException($"{name} is not a shared access signature (no 'sig=' part).");
        }

        return trimmed;
    }
}
