using System.ComponentModel.DataAnnotations;

namespace CoachBot.Host.Telemetry;

/// <summary>Settings of metrics and trace export (configuration section <c>Telemetry</c>).</summary>
public sealed class TelemetryOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Telemetry";

    /// <summary>
    /// Base address of an OpenTelemetry collector (for example <c>http://127.0.0.1:4318/</c>). Empty (the default)
    /// turns export off; the instruments still work for in-process listeners.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>HttpProtobuf</c> (default; <c>v1/metrics</c> and <c>v1/traces</c> are added to the endpoint) or <c>Grpc</c>.</summary>
    public string OtlpProtocol { get; set; } = "HttpProtobuf";

    /// <summary>The <c>service.name</c> resource attribute. Default <c>coachbot</c>.</summary>
    public string ServiceName { get; set; } = "coachbot";

    /// <summary>How often metrics are exported. Default 15 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan MetricExportInterval { get; set; } = TimeSpan.FromSeconds(15);
}
