using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CoachBot.Protocol.State;
using CoachBot.Storage;

namespace CoachBot.Records;

/// <summary>
/// Append-only streams of typed entries (e.g. one patient's check-ins and decisions) on any
/// <see cref="IStorage"/>: each entry is its own key <c>{collection}/{stream}/{sequence:D12}</c>, written
/// create-only, so an entry is never overwritten and two writers appending at once both succeed with
/// different sequence numbers.
/// </summary>
/// <remarks>
/// The next number comes from a small counter document per stream (<c>{collection}/{stream}/next</c>), so an append
/// is one read, one create and one conditional counter update, whatever the stream's length. The counter is only a
/// hint: entries are created create-only, so a stale or missing counter (an old stream, a crash between the entry
/// and the counter, another writer) costs a conflict and one listing of the stream, never an overwrite.
/// </remarks>
/// <typeparam name="T">The entry type.</typeparam>
public sealed class AppendOnlyLog<T>
    where T : class
{
    private const int MaxAttempts = 20;
    private const string SequenceFormat = "D12";
    private const string CounterName = "next";

    private readonly IStorage _storage;
    private readonly string _prefix;
    private readonly JsonSerializerOptions _json;

    /// <summary>Creates the log for a collection such as <c>checkins</c>.</summary>
    /// <param name="storage">The key/value store.</param>
    /// <param name="collection">The key prefix, without a trailing '/'.</param>
    /// <param name="json">Serialiser options; <see cref="StateJson.Options"/> by default.</param>
    public AppendOnlyLog(IStorage storage, string collection, JsonSerializerOptions? json = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _storage = storage;
        _prefix = RecordJson.CheckCollection(collection) + "/";
        _json = json ?? StateJson.Options;
    }

    /// <summary>Appends an entry to a stream and returns its sequence number.</summary>
    /// <exception cref="StorageConflictException">Lost the race for a sequence number many times in a row.</exception>
    public async Task<long> AppendAsync(string stream, T entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var streamPrefix = StreamPrefix(stream);
        var json = RecordJson.Serialize(entry, _json);
        var counter = await ReadCounterAsync(streamPrefix, cancellationToken).ConfigureAwait(false);
        var next = (counter?.Last ?? await LastSequenceAsync(streamPrefix, cancellationToken).ConfigureAwait(false)) + 1;
        for (var attempt = 1; ; attempt++)
        {
            var key = streamPrefix + next.ToString(SequenceFormat, CultureInfo.InvariantCulture);
            try
            {
                await _storage.WriteAsync(
                    new Dictionary<string, StoreItem>(StringComparer.Ordinal) { [key] = new(json, null) },
                    cancellationToken).ConfigureAwait(false);
                await AdvanceCounterAsync(streamPrefix, counter, next, cancellationToken).ConfigureAwait(false);
                return next;
            }
            catch (StorageConflictException) when (attempt < MaxAttempts)
            {
                // Another writer took this number: move past everything that exists now.
                next = Math.Max(next + 1, await LastSequenceAsync(streamPrefix, cancellationToken).ConfigureAwait(false) + 1);
            }
        }
    }

    /// <summary>Reads a stream's entries in order.</summary>
    /// <exception cref="InvalidDataException">A stored entry is not a <typeparamref name="T"/>.</exception>
    public async IAsyncEnumerable<LogEntry<T>> ReadAsync(string stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var keys = await KeysAsync(StreamPrefix(stream), cancellationToken).ConfigureAwait(false);
        foreach (var chunk in keys.Chunk(100))
        {
            var items = await _storage.ReadAsync(chunk.Select(k => k.Key).ToArray(), cancellationToken).ConfigureAwait(false);
            foreach (var (key, sequence) in chunk)
            {
                if (items.TryGetValue(key, out var item))
                {
                    yield return new LogEntry<T>(sequence, RecordJson.Deserialize<T>(key, item, _json));
                }
            }
        }
    }

    /// <summary>Deletes a whole stream (for erasure) and returns how many entries it had.</summary>
    public async Task<int> DeleteStreamAsync(string stream, CancellationToken cancellationToken = default)
    {
        var streamPrefix = StreamPrefix(stream);
        var keys = await KeysAsync(streamPrefix, cancellationToken).ConfigureAwait(false);
        foreach (var chunk in keys.Chunk(100))
        {
            await _storage.DeleteAsync(chunk.Select(k => k.Key).ToArray(), cancellationToken).ConfigureAwait(false);
        }

        await _storage.DeleteAsync([streamPrefix + CounterName], cancellationToken).ConfigureAwait(false);
        return keys.Count;
    }

    private async Task<(long Last, string ETag)?> ReadCounterAsync(string streamPrefix, CancellationToken cancellationToken)
    {
        var key = streamPrefix + CounterName;
        var items = await _storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        if (!items.TryGetValue(key, out var item))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(item.Json);
            return document.RootElement.TryGetProperty("last", out var last) && last.ValueKind == JsonValueKind.Number && last.TryGetInt64(out var value) && value >= 0
                ? (value, item.ETag!)
                : (0, item.ETag!);
        }
        catch (JsonException)
        {
            return (0, item.ETag!); // a damaged counter is only a bad hint: conflicts and a listing correct it
        }
    }

    /// <summary>Moves the counter up to <paramref name="sequence"/>, never down; losing a race to a higher value is fine.</summary>
    private async Task AdvanceCounterAsync(string streamPrefix, (long Last, string ETag)? counter, long sequence, CancellationToken cancellationToken)
    {
        var key = streamPrefix + CounterName;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (counter is { } known && known.Last >= sequence)
            {
                return;
            }

            try
            {
                await _storage.WriteAsync(
                    new Dictionary<string, StoreItem>(StringComparer.Ordinal)
                    {
                        [key] = new("{\"last\":" + sequence.ToString(CultureInfo.InvariantCulture) + "}", counter?.ETag),
                    },
                    cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (StorageConflictException)
            {
                counter = await ReadCounterAsync(streamPrefix, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private string StreamPrefix(string stream) => _prefix + RecordJson.Segment(stream) + "/";

    private async Task<long> LastSequenceAsync(string streamPrefix, CancellationToken cancellationToken)
    {
        var keys = await KeysAsync(streamPrefix, cancellationToken).ConfigureAwait(false);
        return keys.Count == 0 ? 0 : keys[^1].Sequence;
    }

    private async Task<List<(string Key, long Sequence)>> KeysAsync(string streamPrefix, CancellationToken cancellationToken)
    {
        var keys = new List<(string Key, long Sequence)>();
        await foreach (var key in _storage.ListKeysAsync(streamPrefix, cancellationToken).ConfigureAwait(false))
        {
            var rest = key.AsSpan(streamPrefix.Length);
            if (rest.Length == 12 && long.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                keys.Add((key, sequence));
            }
        }

        // Fixed-width numbers: ordinal key order is sequence order.
        return keys;
    }
}
