using Microsoft.Extensions.Options;

namespace CoachBot.CoachReview;

/// <summary>Checks the <c>Coaches</c> section so that a bad value stops start-up with the key's name.</summary>
internal sealed class CoachReviewOptionsValidator : IValidateOptions<CoachReviewOptions>
{
    private const string Section = CoachReviewOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, CoachReviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static List<string> Check(CoachReviewOptions options)
    {
        var failures = new List<string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone ?? string.Empty, out _))
        {
            failures.Add($"{Section}:TimeZone '{options.TimeZone}' is not a known IANA time zone (for example Europe/London).");
        }

        if (options.MinPasswordLength < 8)
        {
            failures.Add($"{Section}:MinPasswordLength must be 8 or more (was {options.MinPasswordLength}).");
        }

        if (options.MaxFailedLogins < 1)
        {
            failures.Add($"{Section}:MaxFailedLogins must be 1 or more (was {options.MaxFailedLogins}).");
        }

        if (options.LockoutDuration <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:LockoutDuration must be positive.");
        }

        if (options.LoginFormLifetime <= TimeSpan.Zero || options.LoginFormLifetime > TimeSpan.FromHours(1))
        {
            failures.Add($"{Section}:LoginFormLifetime must be positive and at most 01:00:00.");
        }

        if (options.SessionLifetime <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:SessionLifetime must be positive.");
        }

        var channel = options.TeamsChannel;
        if (channel.Enabled)
        {
            if (!Uri.TryCreate(channel.ServiceUrl, UriKind.Absolute, out var serviceUrl) || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
            {
                failures.Add($"{Section}:TeamsChannel:ServiceUrl must be an absolute http(s) URL when {Section}:TeamsChannel:ConversationId is set.");
            }
            else if (serviceUrl.Scheme == Uri.UriSchemeHttp && !serviceUrl.IsLoopback)
            {
                // The bot's token and the escalation would cross the network in clear.
                failures.Add($"{Section}:TeamsChannel:ServiceUrl must use https: plain http is accepted only for a loopback address.");
            }

            if (channel.PollInterval <= TimeSpan.Zero)
            {
                failures.Add($"{Section}:TeamsChannel:PollInterval must be positive.");
            }
        }

        return failures;
    }
}
