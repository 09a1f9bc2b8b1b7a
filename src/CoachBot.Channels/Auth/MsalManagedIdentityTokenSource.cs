using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;
using Microsoft.Extensions.Options;

namespace CoachBot.Channels.Auth;

/// <summary>UserAssignedMSI: a token from the Azure managed-identity endpoint for the Bot Framework resource.</summary>
internal sealed class MsalManagedIdentityTokenSource : IBotTokenSource
{
    private const string Resource = "https://api.botframework.com";
    private readonly IManagedIdentityApplication _app;

    public MsalManagedIdentityTokenSource(IOptions<BotFrameworkAuthenticationOptions> options, IMsalHttpClientFactory? httpClientFactory)
    {
        var builder = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(options.Value.MicrosoftAppId));
        if (httpClientFactory is not null)
        {
            builder = builder.WithHttpClientFactory(httpClientFactory);
        }

        _app = builder.Build();
    }

    public async Task<AcquiredToken> AcquireAsync(CancellationToken cancellationToken)
    {
        var result = await _app.AcquireTokenForManagedIdentity(Resource).WithForceRefresh(true).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return new AcquiredToken(result.AccessToken, result.ExpiresOn - TimeProvider.System.GetUtcNow());
    }
}
