namespace CoachBot.Channels.DirectLine;

/// <summary>What a token grants.</summary>
internal enum DirectLineTokenKind
{
    /// <summary>A client token for one conversation (and user).</summary>
    Conversation,

    /// <summary>Opens the WebSocket stream of one conversation; short-lived.</summary>
    Stream,
}

/// <summary>The verified content of a token.</summary>
internal sealed record DirectLineToken(DirectLineTokenKind Kind, string? ConversationId, string? UserId, DateTimeOffset ExpiresAt);
