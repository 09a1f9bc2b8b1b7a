using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachBot.Protocol.Middleware;

/// <summary>
/// Recently processed inbound activity ids, kept in conversation state for de-duplication. Read and written
/// on every turn, so it has its own converter and a compact form: <c>{"ids":["…","…"],"at":[1763800000000,…]}</c>,
/// two arrays of the same length, the times in Unix milliseconds. The earlier form,
/// <c>{"items":[{"id":"…","at":…}]}</c> with <c>at</c> an ISO 8601 string or Unix milliseconds, still reads.
/// </summary>
[JsonConverter(typeof(ProcessedActivitiesConverter))]
internal sealed class ProcessedActivities
{
    public List<ProcessedActivity> Items { get; set; } = [];
}

/// <summary>One processed activity id and when it was processed.</summary>
internal sealed record ProcessedActivity(string Id, DateTimeOffset At);

/// <summary>
/// The converter of <see cref="ProcessedActivities"/>: a hand-written reader and writer instead of the
/// reflection-based one, which took most of a turn's state work (a record constructor and a date parse per id).
/// </summary>
internal sealed class ProcessedActivitiesConverter : JsonConverter<ProcessedActivities>
{
    private static readonly JsonEncodedText IdsName = JsonEncodedText.Encode("ids");
    private static readonly JsonEncodedText ItemsName = JsonEncodedText.Encode("items");
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText AtName = JsonEncodedText.Encode("at");

    public override ProcessedActivities Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        var result = new ProcessedActivities();
        List<string>? ids = null;
        List<DateTimeOffset>? times = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(IdsName.EncodedUtf8Bytes))
            {
                reader.Read();
                ids = ReadArray(ref reader, static (ref Utf8JsonReader r) =>
                {
                    Expect(ref r, JsonTokenType.String);
                    return r.GetString()!;
                });
            }
            else if (reader.ValueTextEquals(AtName.EncodedUtf8Bytes))
            {
                reader.Read();
                times = ReadArray(ref reader, ReadTime);
            }
            else if (reader.ValueTextEquals(ItemsName.EncodedUtf8Bytes))
            {
                reader.Read();
                result.Items.AddRange(ReadArray(ref reader, ReadItem) ?? []);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        Expect(ref reader, JsonTokenType.EndObject);
        if ((ids?.Count ?? 0) != (times?.Count ?? 0))
        {
            throw new JsonException($"Processed activities: {ids?.Count ?? 0} ids but {times?.Count ?? 0} times.");
        }

        for (var i = 0; i < (ids?.Count ?? 0); i++)
        {
            result.Items.Add(new ProcessedActivity(ids![i], times![i]));
        }

        return result;
    }

    public override void Write(Utf8JsonWriter writer, ProcessedActivities value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteStartArray(IdsName);
        foreach (var item in value.Items)
        {
            writer.WriteStringValue(item.Id);
        }

        writer.WriteEndArray();
        writer.WriteStartArray(AtName);
        foreach (var item in value.Items)
        {
            writer.WriteNumberValue(item.At.ToUnixTimeMilliseconds());
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private delegate T ReadValue<T>(ref Utf8JsonReader reader);

    /// <summary>A JSON array of values (null reads as none).</summary>
    private static List<T>? ReadArray<T>(ref Utf8JsonReader reader, ReadValue<T> read)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartArray);
        var values = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(read(ref reader));
        }

        return values;
    }

    private static DateTimeOffset ReadTime(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number => FromUnixMilliseconds(ref reader),
        JsonTokenType.String when reader.TryGetDateTimeOffset(out var at) => at,
        _ => throw new JsonException($"A processed activity's time is a {reader.TokenType}, not a number or a date."),
    };

    private static ProcessedActivity ReadItem(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        string? id = null;
        DateTimeOffset? at = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(IdName.EncodedUtf8Bytes))
            {
                reader.Read();
                Expect(ref reader, JsonTokenType.String);
                id = reader.GetString();
            }
            else if (reader.ValueTextEquals(AtName.EncodedUtf8Bytes))
            {
                reader.Read();
                at = ReadTime(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        Expect(ref reader, JsonTokenType.EndObject);
        return new ProcessedActivity(
            id ?? throw new JsonException("A processed activity has no 'id'."),
            at ?? throw new JsonException("A processed activity has no 'at'."));
    }

    private static DateTimeOffset FromUnixMilliseconds(ref Utf8JsonReader reader) =>
        reader.TryGetInt64(out var milliseconds)
        && milliseconds >= DateTimeOffset.MinValue.ToUnixTimeMilliseconds()
        && milliseconds <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : throw new JsonException("A processed activity's time is not a time in Unix milliseconds.");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType expected)
    {
        if (reader.TokenType != expected)
        {
            throw new JsonException($"Processed activities: expected {expected}, found {reader.TokenType}.");
        }
    }
}
