using System.Security.Claims;
using CoachBot.Protocol.Auth;
using CoachBot.Protocol.Schema;

namespace CoachBot.Protocol.Hosting;

/// <summary>
/// The default authenticator until the channels layer registers the Bot Framework JWT validator. It accepts a request
/// WITHOUT an Authorization header (anonymous identity, as the SDK does) only when <see cref="InboundAccess"/> allows
/// anonymous access (no app id; Development, or <c>Bot:AllowAnonymous</c>), and refuses everything else.
/// </summary>
internal sealed class AnonymousInboundAuthenticator(InboundAccess access) : IInboundAuthenticator
{
    /// <summary>Authentication type of the anonymous identity (the SDK's value).</summary>
    public const string AnonymousAuthenticationType = "anonymous";

    public Task<ClaimsIdentity> AuthenticateAsync(Activity activity, string? authorizationHeader, CancellationToken cancellationToken = default)
    {
        if (access.AppIdConfigured)
        {
            throw new UnauthorizedAccessException("MicrosoftAppId is configured but no token validator is registered.");
        }

        if (!string.IsNullOrWhiteSpace(authorizationHeader))
        {
            throw new UnauthorizedAccessException("An Authorization header was sent, but this bot runs without app credentials and cannot validate it.");
        }

        if (!access.AllowsAnonymous)
        {
            throw new UnauthorizedAccessException($"No Authorization header, and anonymous access is off ({InboundAccess.AllowAnonymousKey}).");
        }

        return Task.FromResult(new ClaimsIdentity(AnonymousAuthenticationType));
    }
}
