using System.Security.Claims;
using CoachBot.Protocol.Schema;

namespace CoachBot.Protocol.Auth;

/// <summary>
/// Checks the Authorization header of an inbound POST /api/messages against its activity.
/// The default (no MicrosoftAppId configured) accepts anonymous requests, as the SDK does;
/// the channels layer supplies the Bot Framework JWT validator.
/// </summary>
public interface IInboundAuthenticator
{
    /// <summary>Returns the caller's identity, or throws <see cref="UnauthorizedAccessException"/> (answered 401).</summary>
    Task<ClaimsIdentity> AuthenticateAsync(Activity activity, string? authorizationHeader, CancellationToken cancellationToken = default);
}

/// <summary>Supplies the bearer token for outbound connector calls (null = send no Authorization header).</summary>
public interface IOutboundTokenProvider
{
    /// <summary>Gets a (cached) token for calls to <paramref name="serviceUrl"/>.</summary>
    Task<string?> GetTokenAsync(string serviceUrl, CancellationToken cancellationToken = default);
}
