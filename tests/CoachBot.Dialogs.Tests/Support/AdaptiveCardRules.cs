using System.Text.Json.Nodes;
using CoachBot.Conversation.Cards;

namespace CoachBot.Dialogs.Tests.Support;

/// <summary>
/// The Adaptive Card 1.5 rules the patient cards rely on (schema explorer facts): the root type and version, element
/// and action type names with the version each came in, inputs with a unique id and a label (1.3), choice values
/// without a comma (a multi-select sends "a,b"), Input.Number min/max, Table rows and cells (1.5), text weights and
/// sizes from the schema's enums, and <c>Action.Submit</c> data that names the card, its version and instance.
/// </summary>
public static class AdaptiveCardRules
{
    private static readonly Dictionary<string, double> ElementVersions = new(StringComparer.Ordinal)
    {
        ["TextBlock"] = 1.0, ["Image"] = 1.0, ["Container"] = 1.0, ["ColumnSet"] = 1.0, ["Column"] = 1.0, ["FactSet"] = 1.0,
        ["ImageSet"] = 1.0, ["ActionSet"] = 1.2, ["RichTextBlock"] = 1.2, ["Table"] = 1.5,
        ["Input.Text"] = 1.0, ["Input.Number"] = 1.0, ["Input.Date"] = 1.0, ["Input.Time"] = 1.0, ["Input.Toggle"] = 1.0, ["Input.ChoiceSet"] = 1.0,
    };

    private static readonly Dictionary<string, double> ActionVersions = new(StringComparer.Ordinal)
    {
        ["Action.Submit"] = 1.0, ["Action.OpenUrl"] = 1.0, ["Action.ShowCard"] = 1.0, ["Action.ToggleVisibility"] = 1.2, ["Action.Execute"] = 1.4,
    };

    private static readonly string[] Weights = ["Default", "Lighter", "Bolder"];
    private static readonly string[] Sizes = ["Default", "Small", "Medium", "Large", "ExtraLarge"];

    /// <summary>Every rule the card breaks (empty when it keeps them all).</summary>
    public static IReadOnlyList<string> Check(JsonObject card)
    {
        var problems = new List<string>();
        if (card["type"]?.GetValue<string>() != "AdaptiveCard")
        {
            problems.Add("root type is not AdaptiveCard");
        }

        if (card["version"]?.GetValue<string>() != "1.5")
        {
            problems.Add("version is not 1.5");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in card["body"]?.AsArray() ?? [])
        {
            CheckElement(element!.AsObject(), problems, ids);
        }

        foreach (var action in card["actions"]?.AsArray() ?? [])
        {
            CheckAction(action!.AsObject(), problems);
        }

        return problems;
    }

    private static void CheckElement(JsonObject element, List<string> problems, HashSet<string> ids)
    {
        var type = element["type"]?.GetValue<string>() ?? "(none)";
        if (!ElementVersions.TryGetValue(type, out var version) || version > 1.5)
        {
            problems.Add($"unknown element type {type}");
            return;
        }

        if (type.StartsWith("Input.", StringComparison.Ordinal))
        {
            var id = element["id"]?.GetValue<string>();
            if (string.IsNullOrEmpty(id) || !ids.Add(id))
            {
                problems.Add($"{type} without a unique id ({id})");
            }

            if (string.IsNullOrWhiteSpace(element["label"]?.GetValue<string>()))
            {
                problems.Add($"{id} has no label");
            }
        }

        switch (type)
        {
            case "TextBlock":
                if (string.IsNullOrEmpty(element["text"]?.GetValue<string>()))
                {
                    problems.Add("TextBlock without text");
                }

                if (element["weight"] is { } weight && !Weights.Contains(weight.GetValue<string>()))
                {
                    problems.Add($"TextBlock weight {weight}");
                }

                if (element["size"] is { } size && !Sizes.Contains(size.GetValue<string>()))
                {
                    problems.Add($"TextBlock size {size}");
                }

                break;
            case "Input.ChoiceSet":
                foreach (var choice in element["choices"]!.AsArray())
                {
                    var value = choice!["value"]?.GetValue<string>();
                    if (string.IsNullOrEmpty(choice["title"]?.GetValue<string>()) || string.IsNullOrEmpty(value) || value.Contains(',', StringComparison.Ordinal))
                    {
                        problems.Add($"choice {choice.ToJsonString()} of {element["id"]}");
                    }
                }

                if (element["style"]?.GetValue<string>() is not (null or "compact" or "expanded" or "filtered"))
                {
                    problems.Add($"choice set style of {element["id"]}");
                }

                break;
            case "Input.Number":
                var required = element["isRequired"]?.GetValue<bool>() == true;
                if ((required && (element["min"] is null || element["max"] is null))
                    || (element["min"] is { } min && element["max"] is { } max && min.GetValue<int>() > max.GetValue<int>()))
                {
                    problems.Add($"number {element["id"]} without a range");
                }

                break;
            case "Table":
                var columns = element["columns"]!.AsArray().Count;
                foreach (var row in element["rows"]!.AsArray())
                {
                    if (row!["type"]?.GetValue<string>() != "TableRow" || row["cells"]!.AsArray().Count != columns)
                    {
                        problems.Add("a table row is not a TableRow with one cell per column");
                        continue;
                    }

                    foreach (var cell in row["cells"]!.AsArray())
                    {
                        if (cell!["type"]?.GetValue<string>() != "TableCell")
                        {
                            problems.Add("a table cell is not a TableCell");
                            continue;
                        }

                        foreach (var item in cell["items"]!.AsArray())
                        {
                            CheckElement(item!.AsObject(), problems, ids);
                        }
                    }
                }

                break;
            case "ActionSet":
                foreach (var action in element["actions"]!.AsArray())
                {
                    CheckAction(action!.AsObject(), problems);
                }

                break;
            case "Container" or "Column":
                foreach (var item in element["items"]?.AsArray() ?? [])
                {
                    CheckElement(item!.AsObject(), problems, ids);
                }

                break;
            case "ColumnSet":
                foreach (var column in element["columns"]?.AsArray() ?? [])
                {
                    CheckElement(column!.AsObject(), problems, ids);
                }

                break;
        }
    }

    private static void CheckAction(JsonObject action, List<string> problems)
    {
        var type = action["type"]?.GetValue<string>() ?? "(none)";
        if (!ActionVersions.ContainsKey(type))
        {
            problems.Add($"unknown action type {type}");
            return;
        }

        if (string.IsNullOrWhiteSpace(action["title"]?.GetValue<string>()))
        {
            problems.Add($"{type} without a title");
        }

        if (type != "Action.Submit")
        {
            return;
        }

        if (action["data"] is not JsonObject data
            || string.IsNullOrEmpty(data[AdaptiveCards.CardIdKey]?.GetValue<string>())
            || data[AdaptiveCards.CardVersionKey]?.GetValue<int>() is not > 0
            || string.IsNullOrEmpty(data[AdaptiveCards.CardInstanceKey]?.GetValue<string>()))
        {
            problems.Add($"Action.Submit \"{action["title"]}\" data does not name the card, its version and instance");
        }

        if (action["associatedInputs"]?.GetValue<string>() is not (null or "auto" or "none"))
        {
            problems.Add("associatedInputs is not auto or none");
        }
    }
}
