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

    /// <summary>The default of <see cref="TranscriptRetentionDays"/>.</summary>
    public const int DefaultTranscriptRetentionDays = 365;

    /// <summary>
    /// Transcript entries older than this many days are deleted by a background sweep; 0 keeps them forever.
    /// From 0 to 36500. Default 365.
    /// </summary>
    public int TranscriptRetentionDays { get; set; } = DefaultTranscriptRetentionDays;

    /// <summary>The default of <see cref="MaxTranscriptEntriesPerConversationPerDay"/>.</summary>
    public const int DefaultMaxTranscriptEntriesPerConversationPerDay = 1000;

    /// <summary>
    /// Transcript entries one conversation may store per UTC day (each instance counts its own); later ones that day are
    /// not stored, so one flooding chat cannot fill the store. From 100 to 1,000,000. Default 1000.
    /// </summary>
    public int MaxTranscriptEntriesPerConversationPerDay { get; set; } = DefaultMaxTranscriptEntriesPerConversationPerDay;

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
