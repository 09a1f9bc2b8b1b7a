using System.Collections.Concurrent;

namespace CoachBot.Protocol.Auth;

/// <summary>
/// The service URLs the bot's own Bot Framework token may be sent to (the SDK's trusted-service-URL rule): Microsoft's
/// Bot Connector hosts over https, URLs an operator configured, and the serviceUrl of an inbound activity whose
/// channel token was validated and named that URL (remembered while this process runs). Never a URL taken from a
/// request header, an anonymous request or an Emulator token.
/// </summary>
public sealed class TrustedServiceUrls
{
    /// <summary>At most this many URLs learned from authenticated activities are remembered.</summary>
    public const int MaxLearned = 1024;

    // Hosts of Microsoft's Bot Connector service (public cloud, Teams, GCC and GCC High), https only.
    private static readonly string[] ConnectorHostSuffixes =
    [
        ".botframework.com",
        ".botframework.us",
        ".teams.microsoft.com",
        ".teams.microsoft.us",
    ];

    private static readonly string[] ConnectorHosts = ["smba.trafficmanager.net"];

    private readonly ConcurrentDictionary<string, byte> _configured = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, byte> _learned = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Trusts a URL an operator configured (for example the coaches' Teams channel).</summary>
    public void AddConfigured(string? serviceUrl)
    {
        if (Normalise(serviceUrl) is { } url)
        {
            _configured.TryAdd(url, 0);
        }
    }

    /// <summary>Trusts the serviceUrl of an inbound activity whose channel token was validated against it.</summary>
    public void TrustAuthenticated(string? serviceUrl)
    {
        if (Normalise(serviceUrl) is { } url && _learned.Count < MaxLearned)
        {
            _learned.TryAdd(url, 0);
        }
    }

    /// <summary>True when the bot's token may be sent to <paramref name="serviceUrl"/>.</summary>
    public bool IsTrusted(string? serviceUrl)
    {
        var url = Normalise(serviceUrl);
        if (url is null)
        {
            return false;
        }

        if (_configured.ContainsKey(url) || _learned.ContainsKey(url))
        {
            return true;
        }

        var uri = new Uri(url);
        return uri.Scheme == Uri.UriSchemeHttps
            && uri.IsDefaultPort
            && (ConnectorHosts.Contains(uri.IdnHost, StringComparer.OrdinalIgnoreCase)
                || ConnectorHostSuffixes.Any(suffix => uri.IdnHost.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>An absolute http(s) URL without user info, ending in <c>/</c>; null otherwise.</summary>
    private static string? Normalise(string? serviceUrl)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl)
            || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.UserInfo.Length > 0
            || uri.Query.Length > 0
            || uri.Fragment.Length > 0)
        {
            return null;
        }

        var text = uri.GetLeftPart(UriPartial.Path);
        return text.EndsWith('/') ? text : text + "/";
    }
}
