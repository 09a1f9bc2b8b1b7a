using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachBot.Protocol.Middleware;

/// <summary>
/// Recently processed inbound activity ids, kept in conversation state for de-duplication. Read and written
/// on every turn, so it has its own converter: <c>{"items":[{"id":"…","at":1763800000000}]}</c>, the time in
/// Unix milliseconds. Documents written before, with <c>at</c> as an ISO 8601 string, still read.
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
    private static readonly JsonEncodedText ItemsName = JsonEncodedText.Encode("items");
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText AtName = JsonEncodedText.Encode("at");

    public override ProcessedActivities Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        var result = new ProcessedActivities();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isItems = reader.ValueTextEquals(ItemsName.EncodedUtf8Bytes);
            reader.Read();
            if (!isItems || reader.TokenType == JsonTokenType.Null)
            {
                reader.Skip();
                continue;
            }

            Expect(ref reader, JsonTokenType.StartArray);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                result.Items.Add(ReadItem(ref reader));
            }
        }

        Expect(ref reader, JsonTokenType.EndObject);
        return result;
    }

    public override void Write(Utf8JsonWriter writer, ProcessedActivities value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteStartArray(ItemsName);
        foreach (var item in value.Items)
        {
            writer.WriteStartObject();
            writer.WriteString(IdName, item.Id);
            writer.WriteNumber(AtName, item.At.ToUnixTimeMilliseconds());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

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
                at = reader.TokenType switch
                {
                    JsonTokenType.Number => FromUnixMilliseconds(ref reader),
                    JsonTokenType.String => reader.GetDateTimeOffset(),
                    _ => throw new JsonException($"A processed activity's 'at' is a {reader.TokenType}, not a number or a date."),
                };
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
            : throw new JsonException("A processed activity's 'at' is not a time in Unix milliseconds.");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType expected)
    {
        if (reader.TokenType != expected)
        {
            throw new JsonException($"Processed activities: expected {expected}, found {reader.TokenType}.");
        }
    }
}
