using System.Text.Json;
using CoachBot.Content;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;

namespace CoachBot.Dialogs.Exercises;

/// <summary>
/// Shows how to do an exercise: a Hero card with the picture (absolute URL on the host's public base URL) in Web Chat
/// and Teams, or the same setup, cues, mistake and versions as plain text on other channels.
/// </summary>
internal static class ExerciseCards
{
    /// <summary>The content type of a Hero card.</summary>
    public const string HeroCardType = "application/vnd.microsoft.card.hero";

    /// <summary>The path the host serves content media under.</summary>
    public const string MediaPath = "/content/";

    private static readonly string[] CardChannels = ["msteams", "directline", "webchat", "emulator"];

    /// <summary>The reply for a guide: a card when the channel shows cards and the picture has a public address, else text.</summary>
    public static Activity Build(DialogServices services, Activity incoming, ExerciseGuide guide)
    {
        var texts = services.Texts;
        var title = ExerciseMessages.TryGetLabel(texts.Catalog, guide.Id) ?? guide.Names[0];
        var body = Body(texts, guide);
        var baseUrl = PublicBase(services.MediaOptions.PublicBaseUrl, incoming);
        if (baseUrl is null || !CardChannels.Contains(incoming.ChannelId ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        {
            return Activity.CreateMessage("**" + title + "**\n\n" + body);
        }

        var card = new Dictionary<string, object?>
        {
            ["title"] = title,
            ["text"] = body,
            ["images"] = new[] { new Dictionary<string, string> { ["url"] = baseUrl + MediaPath + guide.Image, ["alt"] = texts.Get(MessageKeys.Howto.ImageAlt) + ": " + title } },
        };
        if (guide.Video is { } video)
        {
            card["buttons"] = new[] { new Dictionary<string, string> { ["type"] = ActionTypes.OpenUrl, ["title"] = texts.Get(MessageKeys.Howto.LabelVideo), ["value"] = baseUrl + MediaPath + video } };
        }

        var reply = Activity.CreateMessage(string.Empty);
        reply.Text = null;
        reply.Attachments = [new Attachment { ContentType = HeroCardType, Content = JsonSerializer.SerializeToElement(card) }];
        return reply;
    }

    /// <summary>Sends the card (or text) for a guide.</summary>
    public static Task SendAsync(DialogServices services, ITurnContext turn, ExerciseGuide guide, CancellationToken cancellationToken) =>
        turn.SendActivityAsync(Build(services, turn.Activity, guide), cancellationToken);

    /// <summary>The setup, cues, mistake and the easier and harder versions, as plain text.</summary>
    public static string Body(Texts texts, ExerciseGuide guide) =>
        texts.Get(MessageKeys.Howto.LabelSetup) + ": " + guide.Setup + "\n\n"
        + texts.Get(MessageKeys.Howto.LabelCues) + ":\n" + string.Join("\n", guide.Cues.Select(c => "- " + c)) + "\n\n"
        + texts.Get(MessageKeys.Howto.LabelMistake) + ": " + guide.Mistake + "\n\n"
        + texts.Get(MessageKeys.Howto.LabelEasier) + ": " + guide.Easier + "\n"
        + texts.Get(MessageKeys.Howto.LabelHarder) + ": " + guide.Harder;

    /// <summary>The public base URL media is fetched from (configured, or the built-in Direct Line host), or null.</summary>
    public static string? PublicBase(string? configured, Activity incoming)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/');
        }

        // The built-in Direct Line sets the service URL to this host: Web Chat can fetch from it.
        var directLine = string.Equals(incoming.ChannelId, "directline", StringComparison.OrdinalIgnoreCase) || string.Equals(incoming.ChannelId, "webchat", StringComparison.OrdinalIgnoreCase);
        return directLine && Uri.TryCreate(incoming.ServiceUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;
    }
}
