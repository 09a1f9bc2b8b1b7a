using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CoachBot.Channels.DirectLine;

/// <summary>
/// Decides the <c>serviceUrl</c> put on activities sent to the bot, and remembers every one it handed out so
/// that the internal connector credential is only ever given for this host's own URLs. Without a configured
/// <see cref="DirectLineOptions.ServiceUrl"/> the URL comes from the connection's local address, never from
/// the Host header, so a client cannot point the bot's credential at another server.
/// </summary>
internal sealed class DirectLineServiceUrls(IOptions<DirectLineOptions> options)
{
    private const int MaxRemembered = 64;
    private readonly ConcurrentDictionary<string, byte> _own = new(StringComparer.OrdinalIgnoreCase);

    public string For(HttpContext context)
    {
        var url = options.Value.ServiceUrl;
        if (string.IsNullOrEmpty(url))
        {
            var local = context.Connection.LocalIpAddress;
            var pathBase = context.Request.PathBase.ToUriComponent();
            if (local is null)
            {
                // In-memory servers (tests) have no socket; their Host is not reachable from outside anyway.
                url = $"{context.Request.Scheme}://{context.Request.Host.ToUriComponent()}{pathBase}/";
            }
            else
            {
                if (local.IsIPv4MappedToIPv6)
                {
                    local = local.MapToIPv4();
                }

                var host = local.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{local}]" : local.ToString();
                url = string.Create(CultureInfo.InvariantCulture, $"{context.Request.Scheme}://{host}:{context.Connection.LocalPort}{pathBase}/");
            }
        }

        if (_own.Count < MaxRemembered)
        {
            _own.TryAdd(url, 0);
        }

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
}
