using System.Net;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Security;

/// <summary>
/// The <c>ForwardedHeaders</c> section: the TLS-terminating proxies whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed. With none listed the headers are ignored.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Proxy addresses, for example <c>10.0.0.4</c>.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Proxy networks in CIDR form, for example <c>10.0.0.0/24</c>.</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>True when at least one proxy or network is listed.</summary>
    public bool Configured => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

/// <summary>Stops start-up when a listed proxy or network does not parse.</summary>
internal sealed class ForwardedHeadersSettingsValidator : IValidateOptions<ForwardedHeadersSettings>
{
    public ValidateOptionsResult Validate(string? name, ForwardedHeadersSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        for (var i = 0; i < options.KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(options.KnownProxies[i], out _))
            {
                failures.Add($"{ForwardedHeadersSettings.SectionName}:KnownProxies:{i} '{options.KnownProxies[i]}' is not an IP address.");
            }
        }

        for (var i = 0; i < options.KnownNetworks.Count; i++)
        {
            if (!System.Net.IPNetwork.TryParse(options.KnownNetworks[i], out _))
            {
                failures.Add($"{ForwardedHeadersSettings.SectionName}:KnownNetworks:{i} '{options.KnownNetworks[i]}' is not a network in CIDR form (like 10.0.0.0/24).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>Stops start-up when a rate limit is not positive.</summary>
internal sealed class RateLimitSettingsValidator : IValidateOptions<RateLimitSettings>
{
    public ValidateOptionsResult Validate(string? name, RateLimitSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(failures, nameof(RateLimitSettings.WebChatToken), options.WebChatToken);
        Check(failures, nameof(RateLimitSettings.DirectLineConversation), options.DirectLineConversation);
        Check(failures, nameof(RateLimitSettings.DirectLineActivity), options.DirectLineActivity);
        Check(failures, nameof(RateLimitSettings.DirectLineStream), options.DirectLineStream);
        Check(failures, nameof(RateLimitSettings.CoachLogin), options.CoachLogin);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string name, RateLimit? limit)
    {
        var key = RateLimitSettings.SectionName + ":" + name;
        if (limit is null || limit.PermitLimit < 1)
        {
            failures.Add($"{key}:PermitLimit must be 1 or more.");
        }
        else if (limit.Window <= TimeSpan.Zero || limit.Window > TimeSpan.FromDays(1))
        {
            failures.Add($"{key}:Window must be positive and at most a day.");
        }
    }
}
