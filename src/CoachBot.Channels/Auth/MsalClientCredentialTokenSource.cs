using Microsoft.Identity.Client;
using Microsoft.Extensions.Options;

namespace CoachBot.Channels.Auth;

/// <summary>
/// Client credentials through MSAL: SingleTenant uses <c>MicrosoftAppTenantId</c>, MultiTenant the
/// <c>botframework.com</c> tenant; scope https://api.botframework.com/.default.
/// </summary>
internal sealed class MsalClientCredentialTokenSource : IBotTokenSource
{
    internal const string MultiTenantAuthorityTenant = "botframework.com";
    private static readonly string[] Scopes = [BotFrameworkAuthenticationOptions.OAuthScope];
    private readonly IConfidentialClientApplication _app;

    public MsalClientCredentialTokenSource(IOptions<BotFrameworkAuthenticationOptions> options, IMsalHttpClientFactory? httpClientFactory)
    {
        var o = options.Value;
        var tenant = o.AppType == BotAppType.MultiTenant ? MultiTenantAuthorityTenant : o.MicrosoftAppTenantId;
        var builder = ConfidentialClientApplicationBuilder.Create(o.MicrosoftAppId)
            .WithClientSecret(o.MicrosoftAppPassword)
            .WithAuthority(o.ToChannelFromBotLoginUrl.TrimEnd('/') + "/" + tenant, validateAuthority: true);
        if (httpClientFactory is not null)
        {
            builder = builder.WithHttpClientFactory(httpClientFactory);
        }

        _app = builder.Build();
    }

    public async Task<AcquiredToken> AcquireAsync(CancellationToken cancellationToken)
    {
        var result = await _app.AcquireTokenForClient(Scopes).WithForceRefresh(true).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return new AcquiredToken(result.AccessToken, result.ExpiresOn - TimeProvider.System.GetUtcNow());
    }
}
