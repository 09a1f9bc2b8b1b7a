using CoachBot.Protocol.Auth;

namespace CoachBot.Channels.DirectLine;

/// <summary>
/// Decorates the runtime's <see cref="IOutboundTokenProvider"/>: for this host's own Direct Line serviceUrl it
/// supplies a signed internal credential (the only one the connector-side routes accept); for every other
/// serviceUrl (Teams) it asks the inner provider.
/// </summary>
internal sealed class DirectLineConnectorTokenProvider(
    IOutboundTokenProvider? inner,
    DirectLineTokenService tokens,
    DirectLineServiceUrls urls,
    TimeProvider time) : IOutboundTokenProvider
{
    internal static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private string? _token;
    private DateTimeOffset _expires;

    public Task<string?> GetTokenAsync(string serviceUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        if (!urls.IsOwn(serviceUrl))
        {
            return inner?.GetTokenAsync(serviceUrl, cancellationToken) ?? Task.FromResult<string?>(null);
        }

        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_token is null || _expires - now < RenewBefore)
            {
                _token = tokens.Issue(DirectLineTokenKind.Bot, null, null, Lifetime);
                _expires = now + Lifetime;
            }

            return Task.FromResult<string?>(_token);
        }
    }
}
