using CoachBot.Protocol.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace CoachBot.Channels.Auth;

/// <summary>Registers Bot Framework (Teams) authentication.</summary>
public static class BotFrameworkAuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="BotFrameworkAuthenticationOptions"/> from the root keys and validates them at start.
    /// When <c>MicrosoftAppId</c> is configured it registers the JWT <see cref="IInboundAuthenticator"/> and the
    /// MSAL-based <see cref="IOutboundTokenProvider"/> (replacing earlier registrations); without it nothing
    /// else is registered and the runtime's anonymous defaults stay. An <see cref="IMsalHttpClientFactory"/>
    /// registered in the container is used for MSAL's HTTP calls.
    /// </summary>
    public static IServiceCollection AddBotFrameworkAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BotFrameworkAuthenticationOptions>().Bind(configuration).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotFrameworkAuthenticationOptions>, BotFrameworkAuthenticationOptionsValidator>());
        if (string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TrustedServiceUrls>();
        services.AddHttpClient(nameof(BotFrameworkJwtAuthenticator));
        services.RemoveAll<IInboundAuthenticator>();
        services.AddSingleton<IInboundAuthenticator, BotFrameworkJwtAuthenticator>();
        services.TryAddSingleton<IBotTokenSource>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BotFrameworkAuthenticationOptions>>();
            var http = sp.GetService<IMsalHttpClientFactory>();
            return options.Value.AppType == BotAppType.UserAssignedMSI
                ? new MsalManagedIdentityTokenSource(options, http)
                : new MsalClientCredentialTokenSource(options, http);
        });
        services.RemoveAll<IOutboundTokenProvider>();
        services.AddSingleton<IOutboundTokenProvider, BotFrameworkTokenProvider>();
        return services;
    }
}
