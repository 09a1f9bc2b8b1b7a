using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CoachBot.Protocol.Diagnostics;

namespace CoachBot.Reliability.Tests.Support;

/// <summary>
/// Records what one host's instruments measure (only that host's meter, so parallel tests do not mix) and every
/// CoachBot span that ends while it listens.
/// </summary>
public sealed class TelemetryRecorder : IDisposable
{
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _spans;
    private readonly ConcurrentQueue<Measurement> _measurements = new();
    private readonly ConcurrentQueue<Activity> _ended = new();

    public TelemetryRecorder(BotMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, metrics.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measurements.Enqueue(new Measurement(instrument.Name, value, ToDictionary(tags))));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _measurements.Enqueue(new Measurement(instrument.Name, value, ToDictionary(tags))));
        _meters.Start();
        _spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name == BotMetrics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _ended.Enqueue,
        };
        ActivitySource.AddActivityListener(_spans);
    }

    /// <summary>Measurements of <paramref name="instrument"/> whose tags include every given pair.</summary>
    public IReadOnlyList<Measurement> Of(string instrument, params (string Key, string Value)[] tags) =>
        _measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && Equals(v, t.Value))).ToList();

    /// <summary>The sum of the matching measurements.</summary>
    public double Sum(string instrument, params (string Key, string Value)[] tags) => Of(instrument, tags).Sum(m => m.Value);

    /// <summary>Ended spans of this source.</summary>
    public IReadOnlyList<Activity> Spans => [.. _ended];

    public void Dispose()
    {
        _meters.Dispose();
        _spans.Dispose();
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }

    /// <summary>One measurement.</summary>
    public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);
}
