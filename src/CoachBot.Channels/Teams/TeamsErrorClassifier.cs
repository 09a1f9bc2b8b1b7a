using System.Text.Json;

namespace CoachBot.Channels.Teams;

/// <summary>
/// Recognises the Teams 403 answers that mean "this patient cannot be reached until they come back":
/// <c>BotNotInConversationRoster</c>, <c>ConversationBlockedByUser</c>, <c>BotDisabledByAdmin</c> and the
/// <c>MessageWritesBlocked</c> subCode. Bodies are parsed leniently: the documented
/// <c>{ "error": { "code" } }</c>, a bare <c>code</c>/<c>subCode</c>, and JSON nested inside the
/// <c>message</c> string (<c>{ "errorCode": 209, "message": "{\"subCode\":\"MessageWritesBlocked\"}" }</c>).
/// </summary>
public static class TeamsErrorClassifier
{
    private static readonly (string Code, TeamsSendFailure Failure)[] Codes =
    [
        ("MessageWritesBlocked", TeamsSendFailure.MessageWritesBlocked),
        ("ConversationBlockedByUser", TeamsSendFailure.ConversationBlockedByUser),
        ("BotNotInConversationRoster", TeamsSendFailure.BotNotInConversationRoster),
        ("BotDisabledByAdmin", TeamsSendFailure.BotDisabledByAdmin),
    ];

    /// <summary>Classifies an HTTP answer; anything but a recognised 403 is <see cref="TeamsSendFailure.None"/>.</summary>
    public static TeamsSendFailure Classify(int statusCode, string? body)
    {
        if (statusCode != 403 || string.IsNullOrWhiteSpace(body))
        {
            return TeamsSendFailure.None;
        }

        var found = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(body);
            Collect(document.RootElement, found, depth: 0);
        }
        catch (JsonException)
        {
            found.Add(body);
        }

        foreach (var (code, failure) in Codes)
        {
            if (found.Any(text => text.Contains(code, StringComparison.OrdinalIgnoreCase)))
            {
                return failure;
            }
        }

        return TeamsSendFailure.None;
    }

    /// <summary>True when the failure means the patient should be marked unreachable (no retries).</summary>
    public static bool IsUnreachable(TeamsSendFailure failure) => failure != TeamsSendFailure.None;

    private static void Collect(JsonElement element, List<string> found, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, found, depth + 1);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, found, depth + 1);
                }

                break;
            case JsonValueKind.String:
                var text = element.GetString()!;
                if (text.TrimStart().StartsWith('{'))
                {
                    try
                    {
                        using var nested = JsonDocument.Parse(text);
                        Collect(nested.RootElement, found, depth + 1);
                        return;
                    }
                    catch (JsonException)
                    {
                        // Not JSON after all: look at it as text.
                    }
                }

                found.Add(text);
                break;
        }
    }
}
