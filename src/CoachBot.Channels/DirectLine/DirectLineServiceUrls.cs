using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Channels.DirectLine;

/// <summary>
/// Decides the <c>serviceUrl</c> put on activities sent to the bot, and remembers the ones it handed out so that the
/// internal connector credential is only ever given for this host's own URLs. The URL is
/// <see cref="DirectLineOptions.ServiceUrl"/> when configured, else built from the connection's local IP address and
/// port. It never comes from the Host header or any other part of the request a client writes: with neither (a Unix
/// socket, an in-memory server) there is no URL, and the Direct Line refuses the call until the setting is made.
/// </summary>
internal sealed class DirectLineServiceUrls(IOptions<DirectLineOptions> options, ILogger<DirectLineServiceUrls> logger)
{
    /// <summary>The setting that names this host's Direct Line service URL.</summary>
    public const string SettingKey = DirectLineOptions.SectionName + ":" + nameof(DirectLineOptions.ServiceUrl);

    // Only URLs built from a local socket address are remembered: as many as the host has addresses and ports.
    private readonly ConcurrentDictionary<string, byte> _own = new(StringComparer.OrdinalIgnoreCase);
    private int _warned;

    /// <summary>This host's service URL for the request, or null when it cannot be known without trusting the request.</summary>
    public string? For(HttpContext context)
    {
        var configured = options.Value.ServiceUrl;
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        var local = context.Connection.LocalIpAddress;
        if (local is null)
        {
            if (Interlocked.Exchange(ref _warned, 1) == 0)
            {
                logger.LogError("Direct Line calls are refused: the connection has no local IP address (a Unix socket?) and {Key} is not configured. Set it to this host's public base URL, for example https://bot.example.org/.", SettingKey);
            }

            return null;
        }

        if (local.IsIPv4MappedToIPv6)
        {
            local = local.MapToIPv4();
        }

        var host = local.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{local}]" : local.ToString();
        // The connection's own TLS, not the request's scheme (which a forwarded-headers proxy rewrites).
        var scheme = context.Features.Get<ITlsHandshakeFeature>() is not null ? Uri.UriSchemeHttps : Uri.UriSchemeHttp;
        var url = string.Create(CultureInfo.InvariantCulture, $"{scheme}://{host}:{context.Connection.LocalPort}{context.Request.PathBase.ToUriComponent()}/");
        _own.TryAdd(url, 0);
        return url;
    }

    /// <summary>True when <paramref name="serviceUrl"/> is one this host put on an activity.</summary>
    public bool IsOwn(string serviceUrl)
    {
        if (_own.ContainsKey(serviceUrl))
        {
            return true;
        }

        var configured = options.Value.ServiceUrl;
        return !string.IsNullOrEmpty(configured) && string.Equals(configured, serviceUrl, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The answer when <see cref="For"/> found no URL.</summary>
    public static IResult Unavailable() => DirectLineHttp.Error(
        StatusCodes.Status503ServiceUnavailable,
        "ServiceUnavailable",
        $"The bot cannot answer on this connection: {SettingKey} is not configured.");
}
