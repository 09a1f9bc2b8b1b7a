namespace CoachBot.Host.Security;

/// <summary>
/// The <c>RateLimits</c> section: one fixed window per endpoint family. Web chat tokens, new Direct Line conversations
/// and coach logins are counted per client address (after forwarded headers); Direct Line activity posts and stream
/// connections per conversation.
/// </summary>
public sealed class RateLimitSettings
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "RateLimits";

    /// <summary><c>POST /api/webchat/token</c>, per client address.</summary>
    public RateLimit WebChatToken { get; set; } = new() { PermitLimit = 30 };

    /// <summary><c>POST /v3/directline/conversations</c> and <c>POST /v3/directline/tokens/generate</c>, per client address.</summary>
    public RateLimit DirectLineConversation { get; set; } = new() { PermitLimit = 30 };

    /// <summary><c>POST /v3/directline/conversations/{id}/activities</c>, per conversation.</summary>
    public RateLimit DirectLineActivity { get; set; } = new() { PermitLimit = 60 };

    /// <summary><c>GET /v3/directline/conversations/{id}/stream</c> (WebSocket connects), per conversation.</summary>
    public RateLimit DirectLineStream { get; set; } = new() { PermitLimit = 30 };

    /// <summary><c>POST /coach/login</c>, per client address (the account lock-out applies besides).</summary>
    public RateLimit CoachLogin { get; set; } = new() { PermitLimit = 10 };
}

/// <summary>At most <see cref="PermitLimit"/> requests in each <see cref="Window"/>.</summary>
public sealed class RateLimit
{
    /// <summary>Requests allowed in one window.</summary>
    public int PermitLimit { get; set; }

    /// <summary>The window. Default one minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
