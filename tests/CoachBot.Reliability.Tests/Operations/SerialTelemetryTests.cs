namespace CoachBot.Reliability.Tests.Operations;

/// <summary>
/// The telemetry tests run alone. Every in-process host has its own meter named <c>CoachBot</c>; while other tests'
/// hosts start and stop beside them, the OpenTelemetry SDK's streams for that shared name come and go, and the OTLP
/// export test saw exports without any CoachBot instrument about one run in four. One host per process, as in
/// production, does not have that overlap.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialTelemetryTests
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Telemetry (not parallel)";
}
