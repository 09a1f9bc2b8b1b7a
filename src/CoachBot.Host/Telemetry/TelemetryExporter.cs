using CoachBot.Protocol.Diagnostics;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CoachBot.Host.Telemetry;

/// <summary>
/// Owns the OpenTelemetry meter and tracer providers: built at start when <c>Telemetry:OtlpEndpoint</c> is set,
/// flushed and disposed at stop, so the last measurements of a shutting-down host still leave.
/// </summary>
internal sealed class TelemetryExporter(IOptions<TelemetryOptions> options, ILogger<TelemetryExporter> logger) : IHostedService, IDisposable
{
    private MeterProvider? _meters;
    private TracerProvider? _tracer;

    /// <summary>True while export is on.</summary>
    public bool Exporting => _meters is not null;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.OtlpEndpoint))
        {
            return Task.CompletedTask;
        }

        Start(settings, settings.OtlpEndpoint);
        return Task.CompletedTask;
    }

    private void Start(TelemetryOptions settings, string endpoint)
    {
        var protocol = ParseProtocol(settings.OtlpProtocol);
        var baseUri = new Uri(endpoint.EndsWith('/') ? endpoint : endpoint + "/");

        _meters = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(settings.ServiceName))
            .AddMeter(BotMetrics.MeterName)
            .AddOtlpExporter((exporter, reader) =>
            {
                Configure(exporter, protocol, baseUri, "v1/metrics");
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)settings.MetricExportInterval.TotalMilliseconds;
            })
            .Build();
        _tracer = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(settings.ServiceName))
            .AddSource(BotMetrics.ActivitySourceName, "Microsoft.AspNetCore")

            // Every turn is traced: without the ASP.NET Core instrumentation package the request span may be an
            // unsampled local parent, and the default parent-based sampler would then drop the turn's spans.
            .SetSampler(new AlwaysOnSampler())
            .AddOtlpExporter(exporter => Configure(exporter, protocol, baseUri, "v1/traces"))
            .Build();
        logger.LogInformation("Exporting metrics and traces over OTLP ({Protocol}) to {Endpoint}.", protocol, baseUri);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // Shutting down exports what is still pending.
        var flushedTraces = _tracer?.Shutdown(5000);
        var flushedMetrics = _meters?.Shutdown(5000);
        logger.LogDebug("Telemetry shut down (traces flushed: {Traces}, metrics flushed: {Metrics}).", flushedTraces, flushedMetrics);
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _tracer?.Dispose();
        _tracer = null;
        _meters?.Dispose();
        _meters = null;
    }

    internal static OtlpExportProtocol ParseProtocol(string? value) => value switch
    {
        null or "" or "HttpProtobuf" or "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
        "Grpc" or "grpc" => OtlpExportProtocol.Grpc,
        _ => throw new InvalidOperationException($"{TelemetryOptions.SectionName}:OtlpProtocol must be HttpProtobuf or Grpc, not '{value}'."),
    };

    private static void Configure(OtlpExporterOptions exporter, OtlpExportProtocol protocol, Uri baseUri, string signalPath)
    {
        exporter.Protocol = protocol;

        // Set in code, the HTTP endpoint is used as is: the signal path must be part of it.
        exporter.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(baseUri, signalPath) : baseUri;
    }
}
