using System.Text;
using System.Text.Json;

namespace CoachBot.Coaching.CheckIns;

/// <summary>
/// Strict JSON reading and writing of <see cref="CheckInInput"/> in the field names of clinical rules 1.1.
/// Rejects anything that is not exactly the contract: unknown or duplicate fields, wrong types, values out of
/// range, unknown enum values, missing required fields, and text that is not JSON. Every error names its field.
/// </summary>
public static class CheckInJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
    };

    /// <summary>Reads exactly one check-in object.</summary>
    /// <exception cref="CheckInFormatException">The input is not a valid check-in object.</exception>
    public static CheckInInput Parse(string json)
    {
        var batch = ParseBatch(json);
        if (batch.IsArray)
        {
            throw new CheckInFormatException([new CheckInError(string.Empty, "input: expected one check-in object, got an array.")]);
        }

        return batch.Items[0];
    }

    /// <summary>
    /// Reads one check-in object or an array of them. Every element is checked before anything is returned; the
    /// exception lists the first error of each bad element, with the element index in the field path (<c>[2].painNow</c>).
    /// </summary>
    /// <exception cref="CheckInFormatException">Any part of the input is invalid.</exception>
    public static CheckInBatch ParseBatch(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new CheckInFormatException([new CheckInError(string.Empty, $"input: not valid JSON ({ex.Message})")]);
        }

        using (document)
        {
            var root = document.RootElement;
            var errors = new List<CheckInError>();
            var items = new List<CheckInInput>();
            if (root.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var element in root.EnumerateArray())
                {
                    var item = ReadOne(element, $"[{index}].", errors);
                    if (item is not null)
                    {
                        items.Add(item);
                    }

                    index++;
                }
            }
            else
            {
                var item = ReadOne(root, string.Empty, errors);
                if (item is not null)
                {
                    items.Add(item);
                }
            }

            if (errors.Count > 0)
            {
                throw new CheckInFormatException(errors);
            }

            return new CheckInBatch(root.ValueKind == JsonValueKind.Array, items);
        }
    }

    /// <summary>Writes a check-in as compact JSON in contract field names; nulls are written explicitly.</summary>
    public static string Write(CheckInInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            CheckInJsonWriter.Write(writer, input);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static CheckInInput? ReadOne(JsonElement element, string prefix, List<CheckInError> errors)
    {
        try
        {
            return CheckInObjectReader.Read(element, prefix);
        }
        catch (CheckInFormatException ex)
        {
            errors.AddRange(ex.Errors);
            return null;
        }
    }
}
