using System.Text.Json.Nodes;

namespace CoachBot.Dialogs.Cards;

/// <summary>
/// Small builders for the Adaptive Card 1.5 elements the patient cards use. Inputs carry a <c>label</c> (1.3, read
/// out by screen readers), <c>isRequired</c> and <c>errorMessage</c> (1.3 client-side validation); the bot checks
/// every value again, since a client may skip the checks. Every text comes from the caller (content/).
/// </summary>
internal static class CardParts
{
    public static JsonObject Text(string text, bool bold = false, bool subtle = false, string? size = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (bold)
        {
            block["weight"] = "Bolder";
        }

        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (size is not null)
        {
            block["size"] = size;
        }

        return block;
    }

    /// <summary>A heading (read as a heading by screen readers, <c>style: heading</c> since 1.5).</summary>
    public static JsonObject Heading(string text) =>
        new() { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true, ["weight"] = "Bolder", ["size"] = "Medium", ["style"] = "heading" };

    public static JsonObject Number(string id, string label, int min, int max, bool required, string error, int? value = null, string? placeholder = null)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.Number",
            ["id"] = id,
            ["label"] = label,
            ["isRequired"] = required,
            ["errorMessage"] = error,
        };

        // Web Chat's renderer rejects an empty optional number that has a range: the range goes on required ones
        // only (the bot checks every range again).
        if (required)
        {
            input["min"] = min;
            input["max"] = max;
        }

        if (value is int v)
        {
            input["value"] = v;
        }

        if (placeholder is not null)
        {
            input["placeholder"] = placeholder;
        }

        return input;
    }

    /// <summary>Radio buttons (or check boxes when <paramref name="multi"/>); values must hold no comma (a multi-select sends "a,b").</summary>
    public static JsonObject Choices(string id, string label, IEnumerable<(string Title, string Value)> choices, bool required, string? error, string? value = null, bool multi = false)
    {
        var list = new JsonArray();
        foreach (var (title, v) in choices)
        {
            list.Add(new JsonObject { ["title"] = title, ["value"] = v });
        }

        var input = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = id,
            ["label"] = label,
            ["style"] = "expanded",
            ["isMultiSelect"] = multi,
            ["isRequired"] = required,
            ["choices"] = list,
        };
        if (error is not null)
        {
            input["errorMessage"] = error;
        }

        if (!string.IsNullOrEmpty(value))
        {
            input["value"] = value;
        }

        return input;
    }

    public static JsonObject TextInput(string id, string label, string? placeholder, string? value, bool multiline = true, int maxLength = 1000, bool required = false, string? error = null)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.Text",
            ["id"] = id,
            ["label"] = label,
            ["isMultiline"] = multiline,
            ["maxLength"] = maxLength,
            ["isRequired"] = required,
        };
        if (placeholder is not null)
        {
            input["placeholder"] = placeholder;
        }

        if (error is not null)
        {
            input["errorMessage"] = error;
        }

        if (!string.IsNullOrEmpty(value))
        {
            input["value"] = value;
        }

        return input;
    }

    /// <summary>A <c>Table</c> (1.5) whose first row is the header.</summary>
    public static JsonObject Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<JsonObject>> rows)
    {
        var columns = new JsonArray();
        for (var i = 0; i < header.Count; i++)
        {
            columns.Add(new JsonObject { ["width"] = i == 0 ? 3 : 1 });
        }

        var tableRows = new JsonArray { Row(header.Select(h => Text(h, bold: true)).ToList()) };
        foreach (var row in rows)
        {
            tableRows.Add(Row(row));
        }

        return new JsonObject
        {
            ["type"] = "Table",
            ["columns"] = columns,
            ["rows"] = tableRows,
            ["firstRowAsHeader"] = true,
            ["showGridLines"] = true,
        };
    }

    private static JsonObject Row(IReadOnlyList<JsonObject> cells)
    {
        var list = new JsonArray();
        foreach (var cell in cells)
        {
            list.Add(new JsonObject { ["type"] = "TableCell", ["items"] = new JsonArray { cell } });
        }

        return new JsonObject { ["type"] = "TableRow", ["cells"] = list };
    }
}
