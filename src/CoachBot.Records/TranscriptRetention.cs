using System.Globalization;
using CoachBot.Storage;

namespace CoachBot.Records;

/// <summary>
/// Deletes transcript entries older than a cut-off. The time is read from the entry's key
/// (<c>transcripts/{channel}/{conversation}/{ticks:D19}-…</c>, the activity's timestamp), so no document is read.
/// </summary>
public sealed class TranscriptRetention
{
    private const int TicksDigits = 19;
    private const int DeleteChunk = 100;
    private readonly IStorage _storage;

    /// <summary>Creates the sweeper over a store.</summary>
    public TranscriptRetention(IStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _storage = storage;
    }

    /// <summary>Deletes every transcript entry logged before <paramref name="cutoff"/>; returns how many were deleted.</summary>
    public async Task<int> SweepAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var old = new List<string>();
        var deleted = 0;
        await foreach (var key in _storage.ListKeysAsync(RecordKeys.TranscriptsPrefix, cancellationToken).ConfigureAwait(false))
        {
            if (LoggedAt(key) is { } at && at < cutoff.UtcTicks)
            {
                old.Add(key);
            }
        }

        foreach (var chunk in old.Chunk(DeleteChunk))
        {
            await _storage.DeleteAsync(chunk, cancellationToken).ConfigureAwait(false);
            deleted += chunk.Length;
        }

        return deleted;
    }

    /// <summary>The UTC ticks in a transcript entry's key, or null when the key is not an entry.</summary>
    internal static long? LoggedAt(string key)
    {
        var name = key.AsSpan(key.LastIndexOf('/') + 1);
        return name.Length > TicksDigits && name[TicksDigits] == '-'
            && long.TryParse(name[..TicksDigits], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? ticks
            : null;
    }
}
