using CoachBot.Accounts;

namespace CoachBot.CoachReview;

/// <summary>The <c>Coaches</c> configuration section: the coach review page and the coaches' Teams channel.</summary>
/// <remarks>The account rules (password length, lock-out) are inherited from <see cref="CoachAccountOptions"/>, the same keys.</remarks>
public sealed class CoachReviewOptions : CoachAccountOptions
{
    /// <summary>The configuration section name.</summary>
    public new const string SectionName = CoachAccountOptions.SectionName;

    /// <summary>The IANA time zone the care team works in: "same day" and "working days" are counted there.</summary>
    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>Coaches may log in with a local account (made by <c>coachbot coach add</c>). False leaves only the organisation sign-in.</summary>
    public bool LocalAccounts { get; set; } = true;

    /// <summary>How long a login form may be used after it was shown (each form logs in, or fails, once).</summary>
    public TimeSpan LoginFormLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Cookies (login and antiforgery) are marked Secure. Null means: always outside Development, and over HTTPS only
    /// in Development. Set false only for a test rig on plain http; never in a deployment.
    /// </summary>
    public bool? SecureCookies { get; set; }

    /// <summary>How long a coach stays logged in without activity.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The coaches' Teams channel for emergency and urgent escalations; off when its conversation id is empty.</summary>
    public TeamsChannelOptions TeamsChannel { get; set; } = new();
}

/// <summary>Where new emergency and urgent escalations are posted (<c>Coaches:TeamsChannel</c>).</summary>
public sealed class TeamsChannelOptions
{
    /// <summary>The channel's conversation id (for example <c>19:abc@thread.tacv2</c>). Empty turns posting off.</summary>
    public string? ConversationId { get; set; }

    /// <summary>The Bot Connector service URL of the team (for example <c>https://smba.trafficmanager.net/emea/</c>).</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The Entra tenant id of the team, when known.</summary>
    public string? TenantId { get; set; }

    /// <summary>The link to the coach page put into each post (for example <c>https://coachbot.example.org</c>); optional.</summary>
    public string? CoachPageUrl { get; set; }

    /// <summary>How often new escalations are looked for.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Escalations raised longer ago than this are never posted (so a first start does not post old ones).</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>True when a channel is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(ConversationId);
}
