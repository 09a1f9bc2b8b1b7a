using CoachBot.Protocol.Auth;

namespace CoachBot.Protocol.Connector;

/// <summary>Default token provider for local development: no Authorization header on outbound calls.</summary>
internal sealed class AnonymousOutboundTokenProvider : IOutboundTokenProvider
{
    public Task<string?> GetTokenAsync(string serviceUrl, CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);
}
