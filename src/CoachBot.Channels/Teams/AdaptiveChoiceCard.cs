using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Protocol.Schema;

namespace CoachBot.Channels.Teams;

/// <summary>
/// Builds an Adaptive Card 1.5 (the highest Teams renders) that asks a question with one button per choice,
/// for Teams where suggested actions show at most three buttons. Each button is an <c>Action.Submit</c> whose
/// data carries <c>msteams.type = imBack</c>, so Teams posts the choice back as the user's message text (and
/// prompts recognise it as if typed); the same value is in <c>data.choice</c> for clients that send
/// <c>value</c> instead (Web Chat). All text comes from the caller (content/), none is built in here.
/// </summary>
public static class AdaptiveChoiceCard
{
    /// <summary>The Adaptive Card attachment content type.</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The card schema version used (Teams supports up to 1.5).</summary>
    public const string Version = "1.5";

    /// <summary>The key under <c>data</c> holding the chosen value.</summary>
    public const string ChoiceKey = "choice";

    /// <summary>Creates the card attachment.</summary>
    /// <param name="question">The question text shown at the top (may be empty to show buttons only).</param>
    /// <param name="choices">Button titles and the value each sends; at least one, at most 50 (Teams' limit).</param>
    public static Attachment Create(string question, IReadOnlyList<(string Title, string Value)> choices)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Count is 0 or > 50)
        {
            throw new ArgumentException("A choice card needs between 1 and 50 choices.", nameof(choices));
        }

        var actions = new JsonArray();
        foreach (var (title, value) in choices)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(title, nameof(choices));
            ArgumentException.ThrowIfNullOrWhiteSpace(value, nameof(choices));
            actions.Add(new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = title,
                ["data"] = new JsonObject
                {
                    ["msteams"] = new JsonObject { ["type"] = "imBack", ["value"] = value },
                    [ChoiceKey] = value,
                },
            });
        }

        var body = new JsonArray();
        if (question.Length > 0)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = question, ["wrap"] = true });
        }

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = body,
            ["actions"] = actions,
        };
        return new Attachment { ContentType = ContentType, Content = JsonSerializer.SerializeToElement(card) };
    }

    /// <summary>Creates the card from plain choices whose title is also the value.</summary>
    public static Attachment Create(string question, IEnumerable<string> choices) =>
        Create(question, choices.Select(c => (c, c)).ToList());
}
