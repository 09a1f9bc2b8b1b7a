using CoachBot.Storage.AzureBlob;
using CoachBot.Storage.Sqlite;

namespace CoachBot.Storage.Hosting;

/// <summary>Creates the <see cref="IStorage"/> chosen by <see cref="StorageOptions"/> (also usable without a host, e.g. by the CLI).</summary>
public static class StorageFactory
{
    /// <summary>Checks the options and creates the store. Nothing is opened or sent until first use.</summary>
    /// <exception cref="InvalidOperationException">The options are not valid; the message names each bad key.</exception>
    public static IStorage Create(StorageOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = StorageOptionsValidator.Check(options);
        if (failures.Count > 0)
        {
            throw new InvalidOperationException("Storage settings are not valid: " + string.Join(" ", failures));
        }

        options.TryGetProvider(out var provider);
        return provider switch
        {
            StorageProvider.Sqlite => new SqliteStorage(options.Sqlite, timeProvider),
            StorageProvider.AzureBlob => new AzureBlobStorage(options.AzureBlob),
            _ => new MemoryStorage(),
        };
    }

    /// <summary>Opens the store ahead of first use: SQLite file, WAL and migrations; the blob container.</summary>
    public static Task InitializeAsync(IStorage storage, CancellationToken cancellationToken = default) => storage switch
    {
        SqliteStorage sqlite => sqlite.InitializeAsync(cancellationToken),
        AzureBlobStorage blob => blob.InitializeAsync(cancellationToken),
        _ => Task.CompletedTask,
    };
}
