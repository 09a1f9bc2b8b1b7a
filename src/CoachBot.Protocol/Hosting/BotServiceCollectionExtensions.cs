using CoachBot.Protocol.Auth;
using CoachBot.Protocol.Connector;
using CoachBot.Protocol.Diagnostics;
using CoachBot.Protocol.Middleware;
using CoachBot.Protocol.State;
using CoachBot.Protocol.Turns;
using CoachBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Protocol.Hosting;

/// <summary>Registers the bot runtime.</summary>
public static class BotServiceCollectionExtensions
{
    /// <summary>Registers the runtime and <typeparamref name="TBot"/> as the singleton <see cref="IBot"/>.</summary>
    public static IServiceCollection AddBotRuntime<TBot>(this IServiceCollection services, Action<BotRuntimeOptions>? configure = null)
        where TBot : class, IBot
    {
        services.AddBotRuntime(configure);
        services.TryAddSingleton<IBot, TBot>();
        return services;
    }

    /// <summary>
    /// Registers the runtime without a bot (register an <see cref="IBot"/> yourself): <see cref="BotAdapter"/>
    /// as <see cref="IActivityProcessor"/>, <see cref="IConnectorClient"/> over a keep-alive HttpClient,
    /// <see cref="ConversationState"/>/<see cref="UserState"/> over <see cref="IStorage"/> (default
    /// <see cref="MemoryStorage"/>), the anonymous authenticator (see <see cref="InboundAccess"/>) and token provider, and the standard
    /// pipeline: ordering → transcript (when an <see cref="ITranscriptLogger"/> is registered) → error
    /// handler → typing → state commit → de-duplication → every registered <see cref="IMiddleware"/> → bot.
    /// Every default is registered with TryAdd, so a host can replace it.
    /// </summary>
    public static IServiceCollection AddBotRuntime(this IServiceCollection services, Action<BotRuntimeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<BotRuntimeOptions>().BindSettings(BotRuntimeOptions.SectionName).ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddOptions<ConnectorOptions>().BindSettings(ConnectorOptions.SectionName).ValidateOnStart();
        services.AddLogging();
        services.TryAddSingleton<BotMetrics>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IStorage, MemoryStorage>();
        services.TryAddSingleton<ConversationState>();
        services.TryAddSingleton<UserState>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotRuntimeOptions>, InboundAccessValidator>(sp => new InboundAccessValidator(sp.GetService<IConfiguration>())));
        services.TryAddSingleton(sp => new InboundAccess(
            sp.GetRequiredService<IOptions<BotRuntimeOptions>>(), sp.GetService<IConfiguration>(), sp.GetService<IHostEnvironment>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, InboundAccessStartupLog>());
        services.TryAddSingleton<TrustedServiceUrls>();
        services.TryAddSingleton<IInboundAuthenticator, AnonymousInboundAuthenticator>();
        services.TryAddSingleton<IOutboundTokenProvider, AnonymousOutboundTokenProvider>();
        services.TryAddSingleton<ITurnErrorReplyProvider, NoTurnErrorReply>();
        services.TryAddSingleton<DeliveryFailureLog>();
        services.TryAddSingleton<IDeliveryFailureRecorder>(sp => sp.GetRequiredService<DeliveryFailureLog>());

        services.AddHttpClient(ConnectorClient.HttpClientName, (sp, client) =>
            {
                client.Timeout = sp.GetRequiredService<IOptions<ConnectorOptions>>().Value.Timeout;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
                KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
                KeepAlivePingDelay = TimeSpan.FromSeconds(30),
                EnableMultipleHttp2Connections = true,
                // The connector answers with a few bytes of JSON: nothing to decompress. And a redirect is not
                // followed: the reply (and its bearer token) goes only to the serviceUrl the activity came from, and a
                // 3xx is a failed send like any other.
                AutomaticDecompression = System.Net.DecompressionMethods.None,
                AllowAutoRedirect = false,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // No per-request Information lines from IHttpClientFactory (four per reply, the host's largest
            // logging cost under load); ConnectorClient logs retries and failed deliveries itself.
            .RemoveAllLoggers();
        services.TryAddSingleton<IConnectorClient, ConnectorClient>();

        services.TryAddSingleton(CreateAdapter);
        services.TryAddSingleton<IActivityProcessor>(sp => sp.GetRequiredService<BotAdapter>());
        return services;
    }

    /// <summary>Registers an <see cref="ITranscriptLogger"/>; the transcript middleware runs when one is registered.</summary>
    public static IServiceCollection AddBotTranscript<TLogger>(this IServiceCollection services)
        where TLogger : class, ITranscriptLogger
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ITranscriptLogger, TLogger>();
        return services;
    }

    private static BotAdapter CreateAdapter(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<BotRuntimeOptions>>().Value;
        var time = sp.GetRequiredService<TimeProvider>();
        var loggers = sp.GetRequiredService<ILoggerFactory>();
        var storage = sp.GetRequiredService<IStorage>();
        var conversationState = sp.GetRequiredService<ConversationState>();
        var userState = sp.GetRequiredService<UserState>();
        var metrics = sp.GetRequiredService<BotMetrics>();

        var pipeline = new List<IMiddleware> { new ConversationOrderingMiddleware() };
        if (sp.GetService<ITranscriptLogger>() is { } transcript)
        {
            pipeline.Add(new TranscriptLoggerMiddleware(transcript, time, loggers.CreateLogger<TranscriptLoggerMiddleware>()));
        }

        pipeline.Add(new TurnErrorMiddleware(conversationState, sp.GetRequiredService<ITurnErrorReplyProvider>(), loggers.CreateLogger<TurnErrorMiddleware>(), metrics));
        pipeline.Add(new ShowTypingMiddleware(time, options.TypingDelay, options.TypingPeriod, loggers.CreateLogger<ShowTypingMiddleware>()));
        pipeline.Add(new TurnStateMiddleware(storage, [conversationState, userState], options.MaxTurnAttempts, loggers.CreateLogger<TurnStateMiddleware>(), metrics));
        pipeline.Add(new ActivityDeduplicationMiddleware(conversationState, time, options.DeduplicationWindow, options.DeduplicationCapacity, loggers.CreateLogger<ActivityDeduplicationMiddleware>()));
        pipeline.AddRange(sp.GetServices<IMiddleware>());

        return new BotAdapter(
            sp.GetService<IBot>(),
            sp.GetRequiredService<IConnectorClient>(),
            pipeline,
            sp.GetRequiredService<IDeliveryFailureRecorder>(),
            time,
            loggers.CreateLogger<BotAdapter>(),
            metrics);
    }
}
