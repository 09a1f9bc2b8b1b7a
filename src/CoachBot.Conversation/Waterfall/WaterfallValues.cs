using System.Text.Json;
using CoachBot.Protocol.State;

namespace CoachBot.Conversation.Waterfall;

/// <summary>
/// A string-keyed bag for untyped waterfalls (<see cref="WaterfallDialog"/>). Prefer a typed state record
/// with <see cref="WaterfallDialog{TState}"/>.
/// </summary>
public sealed class WaterfallValues
{
    /// <summary>The stored values as JSON.</summary>
    public Dictionary<string, JsonElement> Items { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Stores a value.</summary>
    public void Set<T>(string key, T value) => Items[key] = JsonSerializer.SerializeToElement(value, StateJson.Options);

    /// <summary>Reads a value, or <c>default</c> when absent.</summary>
    public T? Get<T>(string key) => Items.TryGetValue(key, out var element) ? element.Deserialize<T>(StateJson.Options) : default;

    /// <summary>True when the key is present.</summary>
    public bool Contains(string key) => Items.ContainsKey(key);
}
