using System.Text.Json;
using CoachBot.Storage;

namespace CoachBot.Records;

/// <summary>Serialisation shared by the record stores: clear errors, nothing overwritten on bad data.</summary>
internal static class RecordJson
{
    public static string Serialize<T>(T value, JsonSerializerOptions options) => JsonSerializer.Serialize(value, options);

    public static T Deserialize<T>(string key, StoreItem item, JsonSerializerOptions options)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(item.Json, options)
                ?? throw new InvalidDataException($"The stored document '{key}' is JSON null, not a {typeof(T).Name}.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The stored document '{key}' is not a valid {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    /// <summary>Ids become one key segment: '/' and other special characters are percent-encoded.</summary>
    public static string Segment(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return Uri.EscapeDataString(id);
    }

    public static string CheckCollection(string collection)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        if (collection.EndsWith('/'))
        {
            throw new ArgumentException($"The collection name '{collection}' must not end with '/'.", nameof(collection));
        }

        return collection;
    }
}
