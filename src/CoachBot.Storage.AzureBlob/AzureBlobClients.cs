using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace CoachBot.Storage.AzureBlob;

/// <summary>
/// Turns <see cref="AzureBlobStorageOptions"/> into the Azure SDK's <see cref="BlobServiceClient"/>: the credential the
/// settings choose, and the SDK's retry policy and network timeout. <see cref="Check"/> finds bad settings without
/// sending anything; its messages name the configuration key and never repeat a secret.
/// </summary>
public static class AzureBlobClients
{
    private const string Section = "Storage:AzureBlob";
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>The problems in the connection and credential settings, one sentence each; empty when they are good.</summary>
    public static List<string> Check(AzureBlobStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!TryChooseCredential(options, out var credential, out var problem))
        {
            failures.Add(problem);
            return failures;
        }

        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        var hasAccountUrl = !string.IsNullOrWhiteSpace(options.AccountUrl);
        var hasSas = !string.IsNullOrWhiteSpace(options.Sas);
        if (credential is AzureBlobCredential.ConnectionString)
        {
            if (!hasConnectionString)
            {
                failures.Add($"{Section}:ConnectionString must be set when {Section}:Credential is ConnectionString.");
            }
            else if (hasAccountUrl || hasSas)
            {
                failures.Add($"{Section}:ConnectionString and {Section}:AccountUrl/Sas are both set; give only one.");
            }
            else
            {
                try
                {
                    var endpoint = new BlobServiceClient(options.ConnectionString).Uri;
                    if (IsPlainHttpOffLoopback(endpoint))
                    {
                        failures.Add($"{Section}:ConnectionString must use https: plain http is accepted only for a loopback address (was '{endpoint.GetLeftPart(UriPartial.Authority)}').");
                    }
                }
                catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
                {
                    failures.Add($"{Section}:ConnectionString is not a valid storage connection string: {ex.Message}");
                }
            }

            return failures;
        }

        if (hasConnectionString)
        {
            failures.Add($"{Section}:ConnectionString is set but {Section}:Credential is {credential}; give only one.");
        }

        if (!hasAccountUrl)
        {
            failures.Add($"{Section}:AccountUrl must be set when {Section}:Credential is {credential}.");
        }
        else if (!TryAccountUrl(options.AccountUrl!, out var accountUrl))
        {
            failures.Add($"{Section}:AccountUrl must be an absolute http or https URL without a query (was '{options.AccountUrl}').");
        }
        else if (credential is not AzureBlobCredential.Sas && accountUrl.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"{Section}:AccountUrl must use https with {credential}: Entra ID tokens are only sent over TLS.");
        }
        else if (IsPlainHttpOffLoopback(accountUrl))
        {
            failures.Add($"{Section}:AccountUrl must use https: plain http is accepted only for a loopback address (was '{accountUrl.GetLeftPart(UriPartial.Authority)}').");
        }

        if (credential is AzureBlobCredential.Sas)
        {
            if (!hasSas)
            {
                failures.Add($"{Section}:Sas must be set when {Section}:Credential is Sas.");
            }
            else if (!NormaliseSas(options.Sas!).Contains("sig=", StringComparison.Ordinal))
            {
                failures.Add($"{Section}:Sas is not a shared access signature (no 'sig=' part).");
            }
        }
        else
        {
            if (hasSas)
            {
                failures.Add($"{Section}:Sas is set but {Section}:Credential is {credential}; give only one.");
            }

            if (!string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) && !Guid.TryParse(options.ManagedIdentityClientId, out _))
            {
                failures.Add($"{Section}:ManagedIdentityClientId must be the identity's client id, a GUID (was '{options.ManagedIdentityClientId}').");
            }
        }

        return failures;
    }

    /// <summary>The credential the settings choose: <see cref="AzureBlobStorageOptions.Credential"/>, or what is set.</summary>
    public static bool TryChooseCredential(AzureBlobStorageOptions options, out AzureBlobCredential credential, out string problem)
    {
        ArgumentNullException.ThrowIfNull(options);
        problem = string.Empty;
        if (!string.IsNullOrWhiteSpace(options.Credential))
        {
            if (Enum.TryParse(options.Credential.Trim(), ignoreCase: true, out credential)
                && Enum.IsDefined(credential) && !int.TryParse(options.Credential, out _))
            {
                return true;
            }

            problem = $"{Section}:Credential must be one of {string.Join(", ", Enum.GetNames<AzureBlobCredential>())} (was '{options.Credential}').";
            return false;
        }

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            credential = AzureBlobCredential.ConnectionString;
            return true;
        }

        if (!string.IsNullOrWhiteSpace(options.AccountUrl) && !string.IsNullOrWhiteSpace(options.Sas))
        {
            credential = AzureBlobCredential.Sas;
            return true;
        }

        credential = default;
        problem = string.IsNullOrWhiteSpace(options.AccountUrl)
            ? $"{Section}:ConnectionString, or {Section}:AccountUrl with {Section}:Sas or {Section}:Credential (DefaultAzureCredential or ManagedIdentity), must be set."
            : $"{Section}:AccountUrl needs {Section}:Sas, or {Section}:Credential set to DefaultAzureCredential or ManagedIdentity.";
        return false;
    }

    /// <summary>Creates the service client; the settings must have passed <see cref="Check"/>.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="transport">The HTTP handler (tests); the SDK's default transport otherwise.</param>
    /// <param name="extraPolicy">A policy run on every attempt, retries included, or null.</param>
    /// <exception cref="InvalidOperationException">The settings are not valid; the message names each bad key.</exception>
    public static BlobServiceClient CreateServiceClient(AzureBlobStorageOptions options, HttpMessageHandler? transport = null, HttpPipelinePolicy? extraPolicy = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Check(options);
        if (failures.Count > 0)
        {
            throw new InvalidOperationException("Azure Blob storage settings are not valid: " + string.Join(" ", failures));
        }

        var clientOptions = ClientOptions(options, transport, extraPolicy);
        TryChooseCredential(options, out var credential, out _);
        return credential switch
        {
            AzureBlobCredential.ConnectionString => new BlobServiceClient(options.ConnectionString, clientOptions),
            AzureBlobCredential.Sas => new BlobServiceClient(AccountUrl(options), new AzureSasCredential(NormaliseSas(options.Sas!)), clientOptions),
            AzureBlobCredential.DefaultAzureCredential => new BlobServiceClient(AccountUrl(options), DefaultCredential(options), clientOptions),
            _ => new BlobServiceClient(AccountUrl(options), ManagedIdentity(options), clientOptions),
        };
    }

    /// <summary>The SDK's client options: exponential retries, the network timeout, the extra policy and transport.</summary>
    internal static BlobClientOptions ClientOptions(AzureBlobStorageOptions options, HttpMessageHandler? transport, HttpPipelinePolicy? extraPolicy)
    {
        var clientOptions = new BlobClientOptions();
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = options.RetryDelay;
        clientOptions.Retry.MaxDelay = MaxRetryDelay;
        clientOptions.Retry.NetworkTimeout = options.RequestTimeout;
        if (extraPolicy is not null)
        {
            clientOptions.AddPolicy(extraPolicy, HttpPipelinePosition.PerRetry);
        }

        if (transport is not null)
        {
            clientOptions.Transport = new HttpClientTransport(transport);
        }

        return clientOptions;
    }

    private static DefaultAzureCredential DefaultCredential(AzureBlobStorageOptions options)
    {
        var credentialOptions = new DefaultAzureCredentialOptions();
        if (!string.IsNullOrWhiteSpace(options.ManagedIdentityClientId))
        {
            credentialOptions.ManagedIdentityClientId = options.ManagedIdentityClientId.Trim();
        }

        return new DefaultAzureCredential(credentialOptions);
    }

    private static ManagedIdentityCredential ManagedIdentity(AzureBlobStorageOptions options) =>
        new(string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? ManagedIdentityId.SystemAssigned
            : ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId.Trim()));

    /// <summary>Patient records must not cross a network in clear: plain http is for a local emulator only.</summary>
    private static bool IsPlainHttpOffLoopback(Uri endpoint) => endpoint.Scheme == Uri.UriSchemeHttp && !endpoint.IsLoopback;

    private static Uri AccountUrl(AzureBlobStorageOptions options)
    {
        TryAccountUrl(options.AccountUrl!, out var url);
        return url;
    }

    private static bool TryAccountUrl(string value, out Uri url) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out url!)
        && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(url.Query);

    private static string NormaliseSas(string sas) => sas.Trim().TrimStart('?');
}
