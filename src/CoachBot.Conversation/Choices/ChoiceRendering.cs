using System.Text.Json;
using CoachBot.Protocol.Schema;

namespace CoachBot.Conversation.Choices;

/// <summary>Adds choice buttons to a prompt activity (suggested actions, or a hero card where they would not show).</summary>
public static class ChoiceRendering
{
    /// <summary>Hero card content type.</summary>
    public const string HeroCardContentType = "application/vnd.microsoft.card.hero";

    /// <summary>Renders <paramref name="choices"/> onto <paramref name="activity"/> for the channel of <paramref name="inbound"/>.</summary>
    public static void Apply(Activity activity, IReadOnlyList<Choice> choices, ListStyle style, Activity inbound)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(inbound);
        if (choices.Count == 0 || style == ListStyle.None)
        {
            return;
        }

        if (style == ListStyle.Auto)
        {
            style = SupportsSuggestedActions(inbound, choices.Count) ? ListStyle.SuggestedAction : ListStyle.HeroCard;
        }

        var actions = choices.Select(c => c.Action ?? CardAction.ImBack(c.Value)).ToList();
        if (style == ListStyle.SuggestedAction)
        {
            activity.SuggestedActions = new SuggestedActions { Actions = actions };
            return;
        }

        var content = JsonSerializer.SerializeToElement(new HeroCardContent { Buttons = actions }, ProtocolJson.Options);
        (activity.Attachments ??= []).Add(new Attachment { ContentType = HeroCardContentType, Content = content });
    }

    /// <summary>Teams shows at most 3 suggested actions (personal chats); other channels up to 100.</summary>
    public static bool SupportsSuggestedActions(Activity inbound, int count)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        if (string.Equals(inbound.ChannelId, Channels.MsTeams, StringComparison.Ordinal))
        {
            var type = inbound.Conversation?.ConversationType;
            return count <= 3 && (type is null || string.Equals(type, "personal", StringComparison.Ordinal));
        }

        return count <= 100;
    }

    private sealed class HeroCardContent
    {
        public List<CardAction> Buttons { get; set; } = [];
    }
}
