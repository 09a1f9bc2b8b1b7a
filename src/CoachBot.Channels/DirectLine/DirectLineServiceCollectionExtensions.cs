using CoachBot.Protocol.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachBot.Channels.DirectLine;

/// <summary>Registers the built-in Direct Line endpoint.</summary>
public static class DirectLineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Direct Line services bound to the <c>DirectLine</c> section, validated at start, and decorates
    /// the registered <see cref="IConnectorClient"/> (if any) so that the bot's replies to a Direct Line
    /// conversation of this host are appended in process. Call it after the runtime has registered its client.
    /// </summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DirectLineOptions>().Bind(configuration.GetSection(DirectLineOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<DirectLineOptions>, DirectLineOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DirectLineOptions>, DirectLineOptionsSetup>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DirectLineTokenService>();
        services.TryAddSingleton<DirectLineConversationStore>();
        services.TryAddSingleton<DirectLineServiceUrls>();
        services.TryAddSingleton<DirectLineBotBridge>();
        services.TryAddSingleton<DirectLineChannel>();
        DecorateConnector(services);
        return services;
    }

    private static void DecorateConnector(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(DecoratedMarker)))
        {
            return;
        }

        var existing = services.LastOrDefault(d => d.ServiceType == typeof(IConnectorClient) && !d.IsKeyedService);

        if (existing is not null)
        {
            services.Remove(existing);
        }

        services.AddSingleton<IConnectorClient>(sp => new DirectLineReplyConnector(
            existing is null ? null : (IConnectorClient)CreateInner(sp, existing),
            sp.GetRequiredService<DirectLineServiceUrls>(),
            sp.GetRequiredService<DirectLineConversationStore>(),
            sp.GetRequiredService<DirectLineChannel>(),
            sp.GetRequiredService<IOptions<DirectLineOptions>>()));
        services.AddSingleton(new DecoratedMarker());
    }

    private static object CreateInner(IServiceProvider sp, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(sp)
        ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!);

    /// <summary>Marks that the client was decorated (AddDirectLine called twice stays single).</summary>
    private sealed class DecoratedMarker;
}
