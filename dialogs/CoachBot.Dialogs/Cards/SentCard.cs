using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Content;
using CoachBot.Conversation.Cards;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;

namespace CoachBot.Dialogs.Cards;

/// <summary>
/// The read-only copy of a card whose answers were accepted: a card of questions keeps its headings and shows each
/// answered question with what was sent (its how-to texts no longer apply); a card of buttons only keeps its texts and
/// says which button was picked. No inputs, no buttons. It replaces the card on screen (the SDK's
/// <c>UpdateActivityAsync</c>) when the submit names the card's activity in <c>replyToId</c>, as Teams does, so the
/// card cannot be sent twice. Web Chat's submits name no activity: there <see cref="CardGuard"/> answers a second submit.
/// </summary>
internal static class SentCard
{
    /// <summary>Replaces the card this submit came from, when the channel said which one it was.</summary>
    public static async Task ReplaceAsync(Texts texts, ITurnContext turn, Activity card, JsonElement values, string? chosen, CancellationToken cancellationToken)
    {
        if (turn.Activity.ReplyToId is not { Length: > 0 } cardActivityId
            || card.Attachments?.FirstOrDefault(a => a.ContentType == AdaptiveCards.ContentType)?.Content is not { } content)
        {
            return;
        }

        var update = AdaptiveCards.Message(ReadOnly(texts, JsonNode.Parse(content.GetRawText())!.AsObject(), values, chosen), card.Summary);
        update.Id = cardActivityId;
        await turn.UpdateActivityAsync(update, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The read-only copy of <paramref name="card"/> with <paramref name="values"/> as sent.</summary>
    public static JsonObject ReadOnly(Texts texts, JsonObject card, JsonElement values, string? chosen)
    {
        var inputs = CardInputs(card).ToList();
        var body = new JsonArray();
        foreach (var element in card["body"]?.AsArray() ?? [])
        {
            if (element is JsonObject { } item && !IsInput(item) && (inputs.Count == 0 || item["style"]?.GetValue<string>() == "heading"))
            {
                body.Add(item.DeepClone());
            }
        }

        if (inputs.Count > 0)
        {
            body.Add(CardParts.Text(texts.Get(MessageKeys.Card.Sent), bold: true));
        }

        foreach (var input in inputs)
        {
            if (Shown(input, values) is { Length: > 0 } shown)
            {
                body.Add(CardParts.Text(input["label"]?.GetValue<string>() ?? string.Empty, subtle: true));
                body.Add(CardParts.Text(shown, bold: true));
            }
        }

        if (chosen is not null)
        {
            body.Add(CardParts.Text(texts.Get(MessageKeys.Card.SentChoice, ("title", chosen))));
        }

        return AdaptiveCards.Card(body);
    }

    /// <summary>The title of the button pressed, from the card's actions.</summary>
    public static string? ChosenTitle(Activity card, string? action)
    {
        if (action is null || card.Attachments?.FirstOrDefault(a => a.ContentType == AdaptiveCards.ContentType)?.Content is not { } content
            || !content.TryGetProperty("actions", out var actions))
        {
            return null;
        }

        return actions.EnumerateArray()
            .Where(a => a.TryGetProperty("data", out var data) && AdaptiveCards.GetString(data, AdaptiveCards.ActionKey) == action)
            .Select(a => a.GetProperty("title").GetString())
            .FirstOrDefault();
    }

    private static bool IsInput(JsonObject element) => element["type"]?.GetValue<string>() is { } type && type.StartsWith("Input.", StringComparison.Ordinal);

    private static IEnumerable<JsonObject> CardInputs(JsonNode? node) => node switch
    {
        JsonObject obj when IsInput(obj) => [obj],
        JsonObject obj => obj.Where(p => p.Key != "actions").SelectMany(p => CardInputs(p.Value)),
        JsonArray array => array.SelectMany(CardInputs),
        _ => [],
    };

    /// <summary>What an input sent, as the patient read it (the titles of the choices picked), or null when it was left empty.</summary>
    private static string? Shown(JsonObject input, JsonElement values)
    {
        var id = input["id"]?.GetValue<string>();
        var value = id is null ? null : AdaptiveCards.GetString(values, id);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (input["choices"] is not JsonArray choices)
        {
            return value;
        }

        var titles = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => choices.FirstOrDefault(c => c?["value"]?.GetValue<string>() == v)?["title"]?.GetValue<string>() ?? v);
        return string.Join(", ", titles);
    }
}
