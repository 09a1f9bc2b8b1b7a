using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Protocol.Schema;

namespace CoachBot.Conversation.Cards;

/// <summary>
/// Adaptive Card plumbing shared by the dialogs: which channels render cards, the attachment, and the
/// <c>Action.Submit</c> data that names a card, its version and the instance that was sent.
/// </summary>
public static class AdaptiveCards
{
    /// <summary>The Adaptive Card attachment content type.</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The schema version every card uses (the highest Teams and Web Chat render).</summary>
    public const string Version = "1.5";

    /// <summary>The schema address written into each card.</summary>
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>The submit data key naming the card.</summary>
    public const string CardIdKey = "cardId";

    /// <summary>The submit data key holding the card's version (a whole number).</summary>
    public const string CardVersionKey = "cardVersion";

    /// <summary>The submit data key holding the id of the one card instance that was sent.</summary>
    public const string CardInstanceKey = "cardInstance";

    /// <summary>The submit data key of the button pressed, when a card has more than one.</summary>
    public const string ActionKey = "action";

    /// <summary>Channels that render Adaptive Cards, as the Bot Framework SDK's channel table has them.</summary>
    private static readonly string[] CardChannels = [Channels.MsTeams, Channels.WebChat, Channels.DirectLine, Channels.Emulator];

    /// <summary>True when the channel of <paramref name="channelId"/> renders Adaptive Cards.</summary>
    public static bool Supported(string? channelId) =>
        channelId is not null && CardChannels.Contains(channelId, StringComparer.OrdinalIgnoreCase);

    /// <summary>An empty version 1.5 card with <paramref name="body"/> and <paramref name="actions"/>.</summary>
    public static JsonObject Card(JsonArray body, JsonArray? actions = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = Schema,
            ["version"] = Version,
            ["body"] = body,
        };
        if (actions is { Count: > 0 })
        {
            card["actions"] = actions;
        }

        return card;
    }

    /// <summary>A message carrying the card (and <paramref name="summary"/> as text for notifications and screen readers).</summary>
    public static Activity Message(JsonObject card, string? summary = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        var message = Activity.CreateMessage(null);
        message.Summary = summary;
        message.Attachments = [new Attachment { ContentType = ContentType, Content = JsonSerializer.SerializeToElement(card) }];
        return message;
    }

    /// <summary>An <c>Action.Submit</c> whose data names the card, its version and instance (plus <paramref name="action"/> when given).</summary>
    public static JsonObject Submit(string title, CardStamp stamp, string? action = null, bool validateInputs = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(stamp);
        var data = new JsonObject
        {
            [CardIdKey] = stamp.CardId,
            [CardVersionKey] = stamp.Version,
            [CardInstanceKey] = stamp.Instance,
        };
        if (action is not null)
        {
            data[ActionKey] = action;
        }

        return new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = title,
            ["data"] = data,
            ["associatedInputs"] = validateInputs ? "auto" : "none",
        };
    }

    /// <summary>The stamp of a card submit (null when the message is not a submit of one of our cards).</summary>
    public static CardSubmission? ReadSubmission(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!activity.IsCardSubmit() || activity.Value is not { } value
            || !value.TryGetProperty(CardIdKey, out var id) || id.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var version = value.TryGetProperty(CardVersionKey, out var v) ? ReadInt(v) : null;
        var instance = value.TryGetProperty(CardInstanceKey, out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
        var action = value.TryGetProperty(ActionKey, out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        return new CardSubmission(new CardStamp(id.GetString()!, version ?? 0, instance ?? string.Empty), action, value);
    }

    /// <summary>The id prefix of free-text inputs: what the patient typed in them is screened like a typed message.</summary>
    public const string FreeTextPrefix = "text";

    /// <summary>
    /// What the patient typed in a card's free-text inputs (ids starting with <see cref="FreeTextPrefix"/>), one per
    /// line; empty when they typed nothing; null when the message is not a card submit.
    /// </summary>
    public static string? FreeText(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!activity.IsCardSubmit() || activity.Value is not { } value)
        {
            return null;
        }

        var typed = value.EnumerateObject()
            .Where(p => p.Name.StartsWith(FreeTextPrefix, StringComparison.Ordinal) && p.Value.ValueKind == JsonValueKind.String)
            .Select(p => p.Value.GetString()!.Trim())
            .Where(t => t.Length > 0);
        return string.Join("\n", typed);
    }

    /// <summary>A string field of the submitted values (trimmed; null when absent or blank).</summary>
    public static string? GetString(JsonElement values, string name)
    {
        if (values.ValueKind != JsonValueKind.Object || !values.TryGetProperty(name, out var field))
        {
            return null;
        }

        var text = field.ValueKind switch
        {
            JsonValueKind.String => field.GetString(),
            JsonValueKind.Number => field.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>A whole-number field (Web Chat sends numbers as strings, Teams as numbers); null when absent or not whole.</summary>
    public static int? GetInt(JsonElement values, string name) =>
        values.ValueKind == JsonValueKind.Object && values.TryGetProperty(name, out var field) ? ReadInt(field) : null;

    private static int? ReadInt(JsonElement field)
    {
        var text = field.ValueKind switch
        {
            JsonValueKind.Number => field.GetRawText(),
            JsonValueKind.String => field.GetString()?.Trim(),
            _ => null,
        };
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole))
        {
            return whole;
        }

        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && number == decimal.Truncate(number)
            && number is >= int.MinValue and <= int.MaxValue ? (int)number : null;
    }
}

/// <summary>What identifies one card that was sent: its id, its version and the instance.</summary>
public sealed record CardStamp(string CardId, int Version, string Instance);

/// <summary>A card submit: the stamp, the button pressed (when the card has several) and every submitted value.</summary>
public sealed record CardSubmission(CardStamp Stamp, string? Action, JsonElement Values);
