using CoachBot.Protocol.Auth;
using CoachBot.Protocol.Connector;
using CoachBot.Protocol.Diagnostics;

namespace CoachBot.Channels.Auth;

/// <summary>
/// The bot's outbound token for connector calls: fetched from the identity platform, cached, and renewed
/// when less than <see cref="RenewBefore"/> of its life is left. Concurrent renewals are serialized, so a
/// burst of sends makes one token request. The token goes only to a <see cref="TrustedServiceUrls"/> URL; for any
/// other the send fails before a request is made.
/// </summary>
internal sealed class BotFrameworkTokenProvider(IBotTokenSource source, TimeProvider time, TrustedServiceUrls trusted) : IOutboundTokenProvider, IDisposable
{
    internal static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile CachedToken? _current;

    public async Task<string?> GetTokenAsync(string serviceUrl, CancellationToken cancellationToken = default)
    {
        if (!trusted.IsTrusted(serviceUrl))
        {
            throw new ConnectorException($"Not sent: {LogText.Clean(serviceUrl)} is not a trusted service URL, so the bot's token is not sent to it.");
        }

        var cached = _current;
        if (IsFresh(cached))
        {
            return cached!.Value;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            cached = _current;
            if (IsFresh(cached))
            {
                return cached!.Value;
            }

            var token = await source.AcquireAsync(cancellationToken).ConfigureAwait(false);
            _current = new CachedToken(token.Value, time.GetUtcNow() + token.Lifetime);
            return token.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool IsFresh(CachedToken? token) => token is not null && token.ExpiresAt - time.GetUtcNow() > RenewBefore;

    private sealed record CachedToken(string Value, DateTimeOffset ExpiresAt);

    public void Dispose() => _gate.Dispose();
}
