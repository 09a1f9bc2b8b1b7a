using System.Buffers;
using System.Text.Json;
using System.Text;
using CoachBot.Storage;

namespace CoachBot.Protocol.State;

/// <summary>
/// One state document as loaded for the current turn: the stored JSON, its ETag, the raw top-level
/// properties and the typed values handed out by accessors. Serialised once at commit to see whether
/// anything changed. A property is deserialised only when an accessor asks for it; the others are written back
/// as they were stored.
/// </summary>
internal sealed class CachedBotState
{
    private Dictionary<string, JsonElement>? _raw;
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
            if (raw is not null && raw.TryGetValue(name, out var element))
            {
                value = element.Deserialize<T>(StateJson.Options)!;
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
        _raw = [];
        _deleted?.Clear();
    }

    /// <summary>Returns the document to write, or null when it equals what was loaded.</summary>
    public string? GetChangedJson(bool force)
    {
        if (_typed is null && _deleted is null && _raw is null && !force)
        {
            return null;
        }

        // The values have different types, known only at run time: each is written with its own type.
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, element) in Raw() ?? [])
            {
                if ((_typed is null || !_typed.ContainsKey(name)) && (_deleted is null || !_deleted.Contains(name)))
                {
                    writer.WritePropertyName(name);
                    writer.WriteRawValue(element.GetRawText(), skipInputValidation: true); // as stored, byte for byte
                }
            }

            foreach (var (name, typed) in _typed ?? [])
            {
                writer.WritePropertyName(name);
                JsonSerializer.Serialize(writer, typed.Value, typed.Type, StateJson.Options);
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

    /// <summary>The loaded document's top-level properties (a later duplicate wins); none for the JSON literal null.</summary>
    private Dictionary<string, JsonElement>? Raw()
    {
        if (_raw is null && OriginalJson is not null)
        {
            _raw = JsonSerializer.Deserialize(OriginalJson, StateJsonContext.Default.DictionaryStringJsonElement) ?? [];
        }

        return _raw;
    }

    private readonly record struct TypedValue(object? Value, Type Type);
}
