using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using CoachBot.Protocol.State;

namespace CoachBot.Conversation;

/// <summary>
/// The persisted state of one dialog instance: named values, stored as one JSON object
/// (<c>{"stepIndex":1,"state":{…}}</c>). A value stays the JSON it was loaded as until a dialog reads it; from
/// then on the dialog works on the object itself, and it is serialised once, when the turn commits. So a
/// component's inner stack or a waterfall's answers are not converted between objects and JSON on every step.
/// </summary>
[JsonConverter(typeof(DialogInstanceStateConverter))]
public sealed class DialogInstanceState
{
    private readonly Dictionary<string, Entry> _values = new(StringComparer.Ordinal);

    /// <summary>The names of the values, in the order they were first stored.</summary>
    public IEnumerable<string> Keys => _values.Keys;

    /// <summary>Whether a value with this name is stored (a stored JSON null counts).</summary>
    public bool Contains(string key) => _values.ContainsKey(key);

    /// <summary>
    /// The value as <typeparamref name="T"/>, or <c>default</c> when there is none. A value read from JSON is kept as the
    /// object returned, so later changes to that object are saved with the instance: read once, change in place.
    /// </summary>
    /// <param name="key">The value's name.</param>
    /// <param name="options">JSON options of the value (default <see cref="StateJson.Options"/>); the value is written back with them.</param>
    public T? Get<T>(string key, JsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_values.TryGetValue(key, out var entry))
        {
            return default;
        }

        if (entry.IsLive)
        {
            if (entry.Value is T live)
            {
                return live;
            }

            if (entry.Value is null)
            {
                return default;
            }

            // Stored as another type this turn: convert through JSON (rare; e.g. an int read as long).
            return entry.ToJson().Deserialize<T>(options ?? StateJson.Options);
        }

        options ??= StateJson.Options;
        var value = entry.Json.Deserialize<T>(options);
        _values[key] = Entry.Live(value, typeof(T), options);
        return value;
    }

    /// <summary>
    /// A fresh copy of the value as <typeparamref name="T"/>, or <c>default</c>: changes to it are not saved. For
    /// values a dialog decorates before use (a prompt's activities) and must find unchanged next time.
    /// </summary>
    public T? GetCopy<T>(string key, JsonSerializerOptions? options = null) =>
        GetJson(key) is { } json ? json.Deserialize<T>(options ?? StateJson.Options) : default;

    /// <summary>The value as JSON (a copy when it is held as an object), or null when there is none.</summary>
    public JsonElement? GetJson(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_values.TryGetValue(key, out var entry))
        {
            return null;
        }

        return entry.ToJson();
    }

    /// <summary>Stores the value (serialised when the turn commits, with <paramref name="options"/>).</summary>
    /// <param name="key">The value's name.</param>
    /// <param name="value">The value; an object of type <see cref="object"/> is written as its runtime type.</param>
    /// <param name="options">JSON options of the value (default <see cref="StateJson.Options"/>).</param>
    public void Set<T>(string key, T value, JsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        _values[key] = Entry.Live(value, TypeOf(value), options ?? StateJson.Options);
    }

    /// <summary>Stores a copy of the value, as JSON, now: later changes to the object are not saved.</summary>
    public void SetCopy<T>(string key, T value, JsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        _values[key] = Entry.FromJson(JsonSerializer.SerializeToElement(value, TypeOf(value), options ?? StateJson.Options));
    }

    /// <summary>Removes the value; false when there was none.</summary>
    public bool Remove(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _values.Remove(key);
    }

    /// <summary>The type a value is written as: its runtime type when it is passed as <see cref="object"/>.</summary>
    private static Type TypeOf<T>(T value) => typeof(T) == typeof(object) && value is not null ? value.GetType() : typeof(T);

    internal void SetJson(string key, JsonElement json) => _values[key] = Entry.FromJson(json);

    internal void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach (var (key, entry) in _values)
        {
            writer.WritePropertyName(key);
            if (entry.IsLive)
            {
                JsonSerializer.Serialize(writer, entry.Value, entry.Type!, entry.Options);
            }
            else
            {
                entry.Json.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>A value: the JSON it was loaded as, or the object a dialog read or stored.</summary>
    private readonly record struct Entry(JsonElement Json, object? Value, Type? Type, JsonSerializerOptions? Options)
    {
        [MemberNotNullWhen(true, nameof(Type), nameof(Options))]
        public bool IsLive => Type is not null;

        public static Entry FromJson(JsonElement json) => new(json, null, null, null);

        public static Entry Live(object? value, Type type, JsonSerializerOptions options) => new(default, value, type, options);

        /// <summary>The value as JSON: as loaded, or the object serialised now.</summary>
        public JsonElement ToJson() => IsLive ? JsonSerializer.SerializeToElement(Value, Type, Options) : Json;
    }
}

/// <summary>
/// Reads and writes <see cref="DialogInstanceState"/> as a plain JSON object of its named values. Needed because the
/// values' types are known only when a dialog reads them: they are read as JSON and each is written with its own type.
/// </summary>
internal sealed class DialogInstanceStateConverter : JsonConverter<DialogInstanceState>
{
    public override DialogInstanceState Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A dialog instance's state must be a JSON object, not {reader.TokenType}.");
        }

        var state = new DialogInstanceState();
        foreach (var (key, value) in JsonSerializer.Deserialize(ref reader, DialogStateJsonContext.Default.DictionaryStringJsonElement)!)
        {
            state.SetJson(key, value);
        }

        return state;
    }

    public override void Write(Utf8JsonWriter writer, DialogInstanceState value, JsonSerializerOptions options) => value.WriteTo(writer);
}

/// <summary>Source-generated JSON metadata for a dialog instance's named values as loaded.</summary>
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
internal sealed partial class DialogStateJsonContext : JsonSerializerContext;
