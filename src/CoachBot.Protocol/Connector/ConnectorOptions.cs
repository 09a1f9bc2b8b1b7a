using System.ComponentModel.DataAnnotations;

namespace CoachBot.Protocol.Connector;

/// <summary>Settings of the outbound connector client (configuration section <c>Bot:Connector</c>).</summary>
public sealed class ConnectorOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Bot:Connector";

    /// <summary>Per-attempt HTTP timeout. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a 412, 429 or 503 (or a connection that never opened). Default 3.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First back-off delay when no <c>Retry-After</c> is given (exponential, with jitter). Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A <c>Retry-After</c> longer than this is not waited for; the call fails instead. Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);
}
