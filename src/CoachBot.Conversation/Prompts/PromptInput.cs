using System.Text.Json;
using CoachBot.Protocol.Schema;

namespace CoachBot.Conversation.Prompts;

/// <summary>
/// The answer text of a message: its <c>text</c>, or for a card submit (empty text, object <c>value</c>) the
/// submitted field, so that card answers are understood instead of re-asked forever.
/// </summary>
public static class PromptInput
{
    private static readonly string[] ConventionalFields = ["value", "answer", "text", "choice"];

    /// <summary>The answer text, or null when the message carries none.</summary>
    public static string? GetText(Activity activity, string? submitField = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!string.IsNullOrWhiteSpace(activity.Text))
        {
            return activity.Text;
        }

        if (activity.Value is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return Scalar(value);
        }

        if (submitField is not null)
        {
            return value.TryGetProperty(submitField, out var field) ? Scalar(field) : null;
        }

        JsonElement? single = null;
        var count = 0;
        foreach (var property in value.EnumerateObject())
        {
            if (property.NameEquals("msteams"))
            {
                continue;
            }

            count++;
            single = property.Value;
        }

        if (count == 1)
        {
            return Scalar(single!.Value);
        }

        foreach (var name in ConventionalFields)
        {
            if (value.TryGetProperty(name, out var field))
            {
                return Scalar(field);
            }
        }

        return null;
    }

    private static string? Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Array => string.Join(", ", element.EnumerateArray().Select(Scalar).Where(s => s is not null)),
        _ => null,
    };
}
