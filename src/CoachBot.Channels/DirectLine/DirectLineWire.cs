using System.Text.Json.Serialization;
using CoachBot.Protocol.Schema;

namespace CoachBot.Channels.DirectLine;

/// <summary>Answer of tokens/generate and tokens/refresh.</summary>
internal sealed record DirectLineTokenResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>Answer of starting or reconnecting to a conversation.</summary>
internal sealed record DirectLineConversationResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl")] string StreamUrl);

/// <summary>Optional body of tokens/generate and conversations (DirectLineJS sends <c>{ user: { id } }</c>).</summary>
internal sealed class DirectLineTokenParameters
{
    [JsonPropertyName("user")]
    public ChannelAccount? User { get; set; }

    [JsonPropertyName("locale")]
    public string? Locale { get; set; }
}

/// <summary>The documented error body <c>{ "error": { "code", "message" } }</c>.</summary>
internal sealed record DirectLineErrorBody([property: JsonPropertyName("error")] DirectLineErrorDetail Error);

/// <summary>Code and message of an error.</summary>
internal sealed record DirectLineErrorDetail(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message);
