using CoachBot.Protocol.Diagnostics;
using CoachBot.Protocol.Hosting;
using CoachBot.Records;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Host.Telemetry;

/// <summary>Registers CoachBot's metrics, the decision and escalation counters, and OTLP export.</summary>
internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Call after the dialogs are registered: wraps the check-in and escalation repositories so that stored
    /// decisions and escalations are counted, and adds the hosted service that exports over OTLP when
    /// <c>Telemetry:OtlpEndpoint</c> is set.
    /// </summary>
    public static IServiceCollection AddCoachBotTelemetry(this IServiceCollection services)
    {
        services.TryAddSingleton<BotMetrics>();
        services.AddOptions<TelemetryOptions>().BindSettings(TelemetryOptions.SectionName)
            .Validate(o => string.IsNullOrWhiteSpace(o.OtlpEndpoint) || Uri.TryCreate(o.OtlpEndpoint, UriKind.Absolute, out _), "Telemetry:OtlpEndpoint must be an absolute URL.")
            .Validate(o => o.OtlpProtocol is "HttpProtobuf" or "http/protobuf" or "Grpc" or "grpc", "Telemetry:OtlpProtocol must be HttpProtobuf or Grpc.")
            .ValidateOnStart();
        Decorate<ICheckInRepository>(services, (inner, sp) => new MeteredCheckInRepository(inner, sp.GetRequiredService<BotMetrics>()));
        Decorate<IEscalationRepository>(services, (inner, sp) => new MeteredEscalationRepository(inner, sp.GetRequiredService<BotMetrics>()));
        services.AddSingleton<TelemetryExporter>();
        services.AddHostedService(sp => sp.GetRequiredService<TelemetryExporter>());
        return services;
    }

    private static void Decorate<TService>(IServiceCollection services, Func<TService, IServiceProvider, TService> wrap)
        where TService : class
    {
        var descriptor = services.LastOrDefault(d => d.ServiceType == typeof(TService))
            ?? throw new InvalidOperationException($"{typeof(TService).Name} must be registered before telemetry.");
        services.Remove(descriptor);
        services.AddSingleton(sp => wrap(Create<TService>(descriptor, sp), sp));
    }

    private static TService Create<TService>(ServiceDescriptor descriptor, IServiceProvider sp)
        where TService : class =>
        (TService)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!));
}
