using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CoachBot.Protocol.State;
using CoachBot.Storage;

namespace CoachBot.Records;

/// <summary>
/// JSON documents over <see cref="IStorage"/>. Writes made during a turn are staged into the turn's end-of-turn
/// batch (so records commit together with the state) and cached in the turn, so later reads in the same turn see them;
/// a record read with a turn is cached in the turn too, so it is read and parsed once per turn. Across turns, the last
/// parsed version of a record is kept by key and ETag: a read still goes to storage, but a document whose ETag (and
/// length) is unchanged is not parsed again. A record staged by a turn is kept with the ETag its commit gave it. Every
/// store gives a new ETag to every write, so a document changed by anyone else is always parsed afresh.
/// </summary>
internal sealed class RecordStore(IStorage storage, JsonSerializerOptions? options = null)
{
    private const string CachePrefix = "Records:";
    private static readonly JsonSerializerOptions DefaultOptions = CreateDefaultOptions();
    private readonly JsonSerializerOptions _options = options ?? DefaultOptions;

    /// <summary>How many parsed records are kept between turns; past it the cache starts again empty.</summary>
    internal const int ParsedCapacity = 512;

    private readonly ConcurrentDictionary<string, ParsedRecord> _parsed = new(StringComparer.Ordinal);
    private int _parsedKeys;

    public IStorage Storage => storage;

    public async Task<(T? Value, string? ETag)> ReadAsync<T>(string key, IUnitOfWork? unitOfWork, CancellationToken cancellationToken)
        where T : class
    {
        if (unitOfWork is not null && unitOfWork.Items.TryGetValue(CachePrefix + key, out var cached))
        {
            var entry = (CachedRecord)cached;
            return ((T?)entry.Value, entry.ETag);
        }

        var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        var (value, etag) = items.TryGetValue(key, out var item) ? (Parse<T>(key, item), item.ETag) : (null, null);
        if (unitOfWork is not null)
        {
            // Later reads in the turn (records are immutable) reuse it instead of reading and parsing it again;
            // a re-run of the turn after a conflict starts with empty turn state, so it reads afresh.
            unitOfWork.Items[CachePrefix + key] = new CachedRecord(value, etag);
        }

        return (value, etag);
    }

    public async Task<IReadOnlyList<(T Value, string? ETag)>> ReadManyAsync<T>(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
        where T : class
    {
        if (keys.Count == 0)
        {
            return [];
        }

        var items = await storage.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        var result = new List<(T, string?)>(items.Count);
        foreach (var key in keys)
        {
            if (items.TryGetValue(key, out var item))
            {
                result.Add((Deserialize<T>(key, item.Json), item.ETag));
            }
        }

        return result;
    }

    public void Stage<T>(IUnitOfWork unitOfWork, string key, T value, string? etag)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(unitOfWork);
        ArgumentNullException.ThrowIfNull(value);
        var json = JsonSerializer.Serialize(value, _options);
        unitOfWork.Stage(key, new StoreItem(json, etag));
        var stagedBefore = unitOfWork.Items.TryGetValue(CachePrefix + key, out var cached) && cached is CachedRecord { StagedLength: not null };
        unitOfWork.Items[CachePrefix + key] = new CachedRecord(value, etag, json.Length);
        if (!stagedBefore)
        {
            // Once the turn commits, what was written is what the next turn will read: keep it as parsed.
            unitOfWork.OnCommitted(() => RememberCommitted(unitOfWork, key));
        }
    }

    private void RememberCommitted(IUnitOfWork unitOfWork, string key)
    {
        if (unitOfWork.CommittedETag(key) is { } etag
            && unitOfWork.Items.TryGetValue(CachePrefix + key, out var cached)
            && cached is CachedRecord { Value: { } value, StagedLength: { } length })
        {
            Remember(key, etag, length, value);
        }
    }

    public async Task<string> WriteAsync<T>(string key, T value, string? etag, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        var written = await storage.WriteAsync(
            new Dictionary<string, StoreItem>(StringComparer.Ordinal) { [key] = new(JsonSerializer.Serialize(value, _options), etag) },
            cancellationToken).ConfigureAwait(false);
        return written[key];
    }

    /// <summary>Creates several new records in one write (create-only: none of the keys may exist yet).</summary>
    public async Task CreateManyAsync<T>(IReadOnlyList<(string Key, T Value)> records, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(records);
        var batch = new Dictionary<string, StoreItem>(records.Count, StringComparer.Ordinal);
        foreach (var (key, value) in records)
        {
            batch.Add(key, new StoreItem(JsonSerializer.Serialize(value, _options), null));
        }

        await storage.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var key in storage.ListKeysAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            yield return key;
        }
    }

    public async Task<List<string>> ListKeyListAsync(string prefix, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var key in storage.ListKeysAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            keys.Add(key);
        }

        return keys;
    }

    private T Parse<T>(string key, StoreItem item)
        where T : class
    {
        if (item.ETag is null)
        {
            return Deserialize<T>(key, item.Json);
        }

        if (_parsed.TryGetValue(key, out var known) && known.Value is T value
            && string.Equals(known.ETag, item.ETag, StringComparison.Ordinal) && known.Length == item.Json.Length)
        {
            return value;
        }

        var parsed = Deserialize<T>(key, item.Json);
        Remember(key, item.ETag, item.Json.Length, parsed);
        return parsed;
    }

    private void Remember(string key, string etag, int length, object value)
    {
        var entry = new ParsedRecord(etag, length, value);
        if (_parsed.ContainsKey(key))
        {
            _parsed[key] = entry;
            return;
        }

        // ConcurrentDictionary.Count takes every lock; an approximate count of new keys is enough for a bound.
        if (Interlocked.Increment(ref _parsedKeys) > ParsedCapacity)
        {
            _parsed.Clear();
            Interlocked.Exchange(ref _parsedKeys, 1);
        }

        _parsed[key] = entry;
    }

    private T Deserialize<T>(string key, string json)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, _options) ?? throw new InvalidDataException($"Record '{key}' is JSON null.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Record '{key}' is not a valid {typeof(T).Name} document: {ex.Message}", ex);
        }
    }

    private static JsonSerializerOptions CreateDefaultOptions()
    {
        var options = new JsonSerializerOptions(StateJson.Options);
        options.Converters.Add(new ReadOnlySetConverterFactory());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>A record cached in the turn; <paramref name="StagedLength"/> is the JSON length when the turn staged it.</summary>
    private sealed record CachedRecord(object? Value, string? ETag, int? StagedLength = null);

    private sealed record ParsedRecord(string ETag, int Length, object Value);
}
