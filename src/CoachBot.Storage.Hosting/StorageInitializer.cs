using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Storage.Hosting;

/// <summary>
/// Opens the store when the host starts, so a wrong path, key or endpoint stops start-up instead of
/// failing the first conversation turn.
/// </summary>
internal sealed partial class StorageInitializer(IStorage storage, IOptions<StorageOptions> options, ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await StorageFactory.InitializeAsync(storage, cancellationToken).ConfigureAwait(false);
        LogReady(logger, options.Value.Provider, Describe(storage));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string Describe(IStorage storage) => storage switch
    {
        Sqlite.SqliteStorage sqlite => sqlite.FullPath,
        AzureBlob.AzureBlobStorage blob => $"{blob.Endpoint.GetLeftPart(UriPartial.Authority)}, container {blob.Container}, credential {blob.Credential}",
        _ => "in memory",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ready: {Provider} ({Where})")]
    private static partial void LogReady(ILogger logger, string provider, string where);
}
