using System.Text.Json;

namespace CoachBot.Coaching.CheckIns;

/// <summary>Typed reads of single fields from a check-in object. Absent or null optional fields read as null.</summary>
internal sealed class FieldReader(IReadOnlyDictionary<string, JsonElement> fields, string prefix)
{
    public delegate bool TryParseWire<T>(string name, out T value);

    public int? Pain(string name) => Integer(name, CheckInRanges.Pain);

    public int? Count(string name) => Integer(name, CheckInRanges.Count);

    public bool? Bool(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Wrong(name, "true or false", value),
        };
    }

    public PainTrend? Trend(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Wrong(name, "a string", value);
        return WireNames.TryParse(text, out PainTrend trend)
            ? trend
            : throw Unknown(prefix + name, text, WireNames.PainTrendNames);
    }

    public string? Text(string name, int maxLength)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Wrong(name, "a string or null", value);
        return text.Length <= maxLength
            ? text
            : throw CheckInObjectReader.Error(prefix + name, $"{prefix + name}: longer than {maxLength} characters.");
    }

    public HashSet<T> Set<T>(string name, TryParseWire<T> parse, IReadOnlyList<string> allowed)
    {
        var result = new HashSet<T>();
        if (!TryGet(name, out var value))
        {
            return result;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Wrong(name, "an array of strings", value);
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = $"{prefix}{name}[{index}]";
            if (item.ValueKind != JsonValueKind.String)
            {
                throw CheckInObjectReader.Error(path, $"{path}: expected a string, got {CheckInObjectReader.Describe(item)}.");
            }

            var text = item.GetString()!;
            result.Add(parse(text, out var parsed) ? parsed : throw Unknown(path, text, allowed));
            index++;
        }

        return result;
    }

    private int? Integer(string name, Func<string, long, CheckInError?> range)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            throw Wrong(name, "an integer", value);
        }

        var error = range(prefix + name, number);
        return error is null ? (int)number : throw new CheckInFormatException([error]);
    }

    /// <summary>False for an absent or null optional field; throws for an absent or null required one.</summary>
    private bool TryGet(string name, out JsonElement value)
    {
        if (fields.TryGetValue(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        return CheckInFields.Required.Contains(name)
            ? throw CheckInObjectReader.Error(prefix + name, $"{prefix + name}: required field is missing or null.")
            : false;
    }

    private CheckInFormatException Wrong(string name, string expected, JsonElement actual) =>
        CheckInObjectReader.Error(prefix + name, $"{prefix + name}: expected {expected}, got {CheckInObjectReader.Describe(actual)}.");

    private static CheckInFormatException Unknown(string path, string text, IReadOnlyList<string> allowed) =>
        CheckInObjectReader.Error(path, $"{path}: unknown value \"{text}\"; expected one of {string.Join(", ", allowed)}.");
}
