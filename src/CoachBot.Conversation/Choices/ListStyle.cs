using System.Text.Json.Serialization;

namespace CoachBot.Conversation.Choices;

/// <summary>How a prompt shows its choices.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ListStyle>))]
public enum ListStyle
{
    /// <summary>Suggested actions where the channel supports that many, else a hero card with buttons.</summary>
    Auto,

    /// <summary>Do not render the choices (the prompt text lists them).</summary>
    None,

    /// <summary>Suggested-action buttons under the message.</summary>
    SuggestedAction,

    /// <summary>A hero card with imBack buttons.</summary>
    HeroCard,
}
