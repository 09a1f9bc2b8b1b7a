namespace CoachBot.Records;

/// <summary>
/// How transcripts are kept: bound by <see cref="RecordsServiceCollectionExtensions.AddTranscriptRetention"/> from the
/// host's <c>Storage</c> section (<c>Storage:TranscriptRetentionDays</c>, <c>Storage:MaxTranscriptEntriesPerConversationPerDay</c>)
/// and checked at start-up.
/// </summary>
public sealed class TranscriptSettings
{
    /// <summary>Days a transcript entry is kept; 0 keeps them forever. From 0 to 36500. Default 365.</summary>
    public int TranscriptRetentionDays { get; set; } = 365;

    /// <summary>
    /// Transcript entries one conversation may store per UTC day (each instance counts its own); later ones that day are
    /// not stored, so one flooding chat cannot fill the store. From 100 to 1,000,000. Default 1000.
    /// </summary>
    public int MaxTranscriptEntriesPerConversationPerDay { get; set; } = 1000;

    /// <summary>The problems found, one sentence each naming the key under <paramref name="section"/>; empty when good.</summary>
    public IReadOnlyList<string> Check(string section)
    {
        var failures = new List<string>();
        if (MaxTranscriptEntriesPerConversationPerDay is < 100 or > 1_000_000)
        {
            failures.Add($"{section}:MaxTranscriptEntriesPerConversationPerDay must be from 100 to 1000000 (was {MaxTranscriptEntriesPerConversationPerDay}).");
        }

        if (TranscriptRetentionDays is < 0 or > 36500)
        {
            failures.Add($"{section}:TranscriptRetentionDays must be from 0 (keep forever) to 36500 (was {TranscriptRetentionDays}).");
        }

        return failures;
    }
}
