using CoachBot.Storage.AzureBlob;
using CoachBot.Storage.Sqlite;

namespace CoachBot.Storage.Hosting;

/// <summary>
/// The storage settings, bound from the configuration section <c>Storage</c> and checked at start-up
/// by <see cref="StorageOptionsValidator"/>; only the chosen provider's sub-section is checked.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>One of <c>Sqlite</c>, <c>AzureBlob</c>, <c>Memory</c> (any case). Default: <c>Sqlite</c>.</summary>
    public string Provider { get; set; } = nameof(StorageProvider.Sqlite);

    /// <summary>Settings used when <see cref="Provider"/> is <c>Sqlite</c> (section <c>Storage:Sqlite</c>).</summary>
    public SqliteStorageOptions Sqlite { get; set; } = new();

    /// <summary>Settings used when <see cref="Provider"/> is <c>AzureBlob</c> (section <c>Storage:AzureBlob</c>).</summary>
    public AzureBlobStorageOptions AzureBlob { get; set; } = new();

    /// <summary>Reads <see cref="Provider"/>; false when it is not one of the known names.</summary>
    public bool TryGetProvider(out StorageProvider provider) =>
        Enum.TryParse(Provider?.Trim(), ignoreCase: true, out provider)
        && Enum.IsDefined(provider)
        && !int.TryParse(Provider, out _);
}
