using System.ComponentModel.DataAnnotations;

namespace CoachBot.Protocol.Hosting;

/// <summary>Settings of the bot runtime (configuration section <c>Bot</c>).</summary>
public sealed class BotRuntimeOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Bot";

    /// <summary>Largest accepted POST /api/messages body. Default 256 KB (Teams messages are at most ~100 KB).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How long a message turn runs before the first typing indicator. Default 500 ms; zero turns typing off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan TypingDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Interval between typing indicators. Default 2 s (Teams shows one for about 3 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan TypingPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long processed activity ids are remembered for de-duplication. Default 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many processed ids a conversation remembers. Default 32; zero turns de-duplication off.</summary>
    [Range(0, 1000)]
    public int DeduplicationCapacity { get; set; } = 32;

    /// <summary>Runs of a turn when its state commit hits a storage conflict. Default 3.</summary>
    [Range(1, 10)]
    public int MaxTurnAttempts { get; set; } = 3;

    /// <summary>
    /// <c>Bot:AllowAnonymous</c>: POST /api/messages accepts requests without an Authorization header (no
    /// <c>MicrosoftAppId</c> configured). Unset: on in Development only. Never on with an app id (start fails).
    /// </summary>
    public bool? AllowAnonymous { get; set; }

    /// <summary>
    /// <c>Bot:AllowEmulatorTokens</c>: POST /api/messages accepts Emulator (Entra-issued) tokens besides Bot Framework
    /// channel tokens. Unset: on in Development only.
    /// </summary>
    public bool? AllowEmulatorTokens { get; set; }
}
