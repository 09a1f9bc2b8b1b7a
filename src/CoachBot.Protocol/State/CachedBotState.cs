using System.Buffers;
using System.Text.Json;
using System.Text;
using CoachBot.Storage;

namespace CoachBot.Protocol.State;

/// <summary>
/// One state document as loaded for the current turn: the stored JSON, its ETag, the raw top-level
/// properties and the typed values handed out by accessors. Serialised once at commit to see whether
/// anything changed. A raw property is a slice of the document's UTF-8 bytes: it is deserialised only when an
/// accessor asks for it, and copied as it is into the document written back when none did.
/// </summary>
internal sealed class CachedBotState
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = StateJson.Options.MaxDepth };
    private byte[]? _utf8;
    private Dictionary<string, Range>? _raw;
    private Dictionary<string, TypedValue>? _typed;
    private HashSet<string>? _deleted;

    public CachedBotState(string key, StoreItem? stored)
    {
        Key = key;
        OriginalJson = stored?.Json;
        ETag = stored?.ETag;
    }

    public string Key { get; }

    public string? OriginalJson { get; private set; }

    public string? ETag { get; private set; }

    public bool TryGet<T>(string name, out T value)
    {
        if (_typed is not null && _typed.TryGetValue(name, out var typed))
        {
            value = (T)typed.Value!;
            return true;
        }

        if (_deleted is null || !_deleted.Contains(name))
        {
            var raw = Raw();
            if (raw is not null && raw.TryGetValue(name, out var range))
            {
                value = JsonSerializer.Deserialize<T>(_utf8.AsSpan(range), StateJson.Options)!;
                Set(name, value);
                return true;
            }
        }

        value = default!;
        return false;
    }

    public void Set<T>(string name, T value)
    {
        _typed ??= new Dictionary<string, TypedValue>(StringComparer.Ordinal);
        _typed[name] = new TypedValue(value, typeof(T));
        _deleted?.Remove(name);
    }

    public void Delete(string name)
    {
        _typed?.Remove(name);
        _deleted ??= new HashSet<string>(StringComparer.Ordinal);
        _deleted.Add(name);
    }

    public void Clear()
    {
        _typed?.Clear();
        _raw = new Dictionary<string, Range>(StringComparer.Ordinal);
        _deleted?.Clear();
    }

    /// <summary>Returns the document to write, or null when it equals what was loaded.</summary>
    public string? GetChangedJson(bool force)
    {
        if (_typed is null && _deleted is null && _raw is null && !force)
        {
            return null;
        }

        // Sized for the document as loaded (the usual case: about the same size), so the buffer rarely grows.
        var buffer = new ArrayBufferWriter<byte>(256 + (OriginalJson?.Length ?? 0));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            var raw = Raw();
            if (raw is not null)
            {
                foreach (var (name, range) in raw)
                {
                    if ((_typed is not null && _typed.ContainsKey(name)) || (_deleted is not null && _deleted.Contains(name)))
                    {
                        continue;
                    }

                    // Validated when the document was read (Raw), so written back as it is.
                    writer.WritePropertyName(name);
                    writer.WriteRawValue(_utf8.AsSpan(range), skipInputValidation: true);
                }
            }

            if (_typed is not null)
            {
                foreach (var (name, typed) in _typed)
                {
                    writer.WritePropertyName(name);
                    JsonSerializer.Serialize(writer, typed.Value, typed.Type, StateJson.Options);
                }
            }

            writer.WriteEndObject();
        }

        var json = Encoding.UTF8.GetString(buffer.WrittenSpan);
        return force || !string.Equals(json, OriginalJson, StringComparison.Ordinal) ? json : null;
    }

    public void Committed(string json, string etag)
    {
        OriginalJson = json;
        ETag = etag;
    }

    /// <summary>
    /// Indexes the loaded document's top-level properties (a later duplicate wins), reading it once with no DOM.
    /// A document that is the JSON literal <c>null</c> has none; anything else but an object is an error.
    /// </summary>
    private Dictionary<string, Range>? Raw()
    {
        if (_raw is null && OriginalJson is not null)
        {
            var utf8 = Encoding.UTF8.GetBytes(OriginalJson);
            var raw = new Dictionary<string, Range>(StringComparer.Ordinal);
            var reader = new Utf8JsonReader(utf8, ReaderOptions);
            if (!reader.Read())
            {
                throw new JsonException($"The state document '{Key}' is empty.");
            }

            if (reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    raw[name] = start..(int)reader.BytesConsumed;
                }
            }
            else if (reader.TokenType != JsonTokenType.Null)
            {
                throw new JsonException($"The state document '{Key}' is a {reader.TokenType}, not an object.");
            }

            // Reading on past the root value: the reader throws when anything but white space follows it.
            reader.Read();

            _utf8 = utf8;
            _raw = raw;
        }

        return _raw;
    }

    private readonly record struct TypedValue(object? Value, Type Type);
}
