namespace CoachBot.Channels.DirectLine;

/// <summary>
/// Settings of the built-in Direct Line 3.0 endpoint (configuration section <c>DirectLine</c>).
/// </summary>
/// <remarks>
/// History is kept in memory only: at most <see cref="MaxConversations"/> conversations, each keeping its
/// newest <see cref="MaxActivitiesPerConversation"/> activities (older ones are dropped, watermarks stay
/// absolute), and a conversation with no traffic for <see cref="ConversationIdleTimeout"/> is forgotten.
/// A restart forgets every conversation; Web Chat then starts a new one.
/// </remarks>
public sealed class DirectLineOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "DirectLine";

    /// <summary>
    /// The Direct Line secret (<c>DirectLine:Secret</c>): master key for every conversation, never sent to a
    /// browser. Tokens are signed with a key derived from it. Required outside Development.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>
    /// Base URL the bot replies to (the activities' <c>serviceUrl</c>), ending in <c>/</c>. When empty the
    /// local address of the connection is used (http://127.0.0.1:3978/ for a local run); never the Host header, so
    /// with no local address (a Unix socket) it is required and Direct Line calls answer 503 until it is set.
    /// </summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The bot account put in <c>recipient</c> of activities sent to the bot.</summary>
    public string BotId { get; set; } = "coachbot";

    /// <summary>The bot account name.</summary>
    public string BotName { get; set; } = "CoachBot";

    /// <summary>Lifetime of a conversation token (<c>expires_in</c>). Default 30 minutes.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a stream URL may wait before it is opened. Default 60 seconds.</summary>
    public TimeSpan StreamUrlLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Empty keep-alive frames are sent on an idle stream this often. Default 20 seconds.</summary>
    public TimeSpan StreamKeepAliveInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The bot's turn must finish within this time, else the client gets 502. Default 15 seconds.</summary>
    public TimeSpan BotTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Conversations kept in memory at once; beyond it new ones get 429. Default 10,000.</summary>
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>Activities kept per conversation (the oldest are dropped first). Default 500.</summary>
    public int MaxActivitiesPerConversation { get; set; } = 500;

    /// <summary>A conversation with no traffic for this long is forgotten. Default 2 hours.</summary>
    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Largest accepted activity body in bytes. Default 256 KiB.</summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;
}
