using System.Security.Claims;
using CoachBot.Protocol.Auth;
using CoachBot.Protocol.Schema;
using Microsoft.Extensions.Configuration;

namespace CoachBot.Protocol.Hosting;

/// <summary>
/// The default authenticator until the channels layer registers the Bot Framework JWT validator.
/// With no <c>MicrosoftAppId</c> configured it accepts requests WITHOUT an Authorization header
/// (anonymous identity, as the SDK does) and rejects any header it cannot validate. With an app id
/// configured it rejects everything: a real validator is required then.
/// </summary>
internal sealed class AnonymousInboundAuthenticator(IConfiguration configuration) : IInboundAuthenticator
{
    /// <summary>Authentication type of the anonymous identity (the SDK's value).</summary>
    public const string AnonymousAuthenticationType = "anonymous";

    private readonly bool _appIdConfigured = !string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);

    public Task<ClaimsIdentity> AuthenticateAsync(Activity activity, string? authorizationHeader, CancellationToken cancellationToken = default)
    {
        if (_appIdConfigured)
        {
            throw new UnauthorizedAccessException("MicrosoftAppId is configured but no token validator is registered.");
        }

        if (!string.IsNullOrWhiteSpace(authorizationHeader))
        {
            throw new UnauthorizedAccessException("An Authorization header was sent, but this bot runs without app credentials and cannot validate it.");
        }

        return Task.FromResult(new ClaimsIdentity(AnonymousAuthenticationType));
    }
}
