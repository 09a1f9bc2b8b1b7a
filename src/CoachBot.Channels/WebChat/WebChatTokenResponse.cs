using System.Text.Json.Serialization;

namespace CoachBot.Channels.WebChat;

/// <summary>What the page gets from <c>POST /api/webchat/token</c>.</summary>
internal sealed record WebChatTokenResponse(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
