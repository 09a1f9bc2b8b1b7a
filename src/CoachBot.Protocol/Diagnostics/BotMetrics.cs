using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CoachBot.Protocol.Diagnostics;

/// <summary>
/// CoachBot's metrics (meter <see cref="MeterName"/>) and traces (activity source <see cref="ActivitySourceName"/>).
/// Tags carry activity types, channels, outcomes, decisions and levels only: never message text or names.
/// One instance per service provider, each with its own <see cref="System.Diagnostics.Metrics.Meter"/> object (so a
/// listener can follow one host); the meter has no factory scope, because the OpenTelemetry SDK built without
/// its hosting package only listens to unscoped meters.
/// </summary>
public sealed class BotMetrics : IDisposable
{
    /// <summary>Name of the meter and of the activity source.</summary>
    public const string MeterName = "CoachBot";

    /// <summary>Name of the activity source (spans: <c>coachbot.turn</c>, <c>coachbot.proactive</c>, <c>coachbot.connector</c>).</summary>
    public const string ActivitySourceName = "CoachBot";

    private static readonly double[] DurationBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _turnErrors;
    private readonly Counter<long> _stateConflicts;
    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _connectorRetries;
    private readonly Counter<long> _proactive;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _escalations;

    /// <summary>Creates the meter and its instruments.</summary>
    public BotMetrics()
    {
        Meter = new Meter(MeterName, typeof(BotMetrics).Assembly.GetName().Version?.ToString());
        _turns = Meter.CreateCounter<long>("coachbot.turns", "{turn}", "Turns run (inbound and proactive), by activity type, channel and outcome.");
        _turnDuration = Meter.CreateHistogram("coachbot.turn.duration", "s", "Time from receiving an activity to the end of its turn (replies delivered).", tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _turnErrors = Meter.CreateCounter<long>("coachbot.turn.errors", "{turn}", "Turns that failed and were answered by the turn error handler.");
        _stateConflicts = Meter.CreateCounter<long>("coachbot.state.conflicts", "{conflict}", "State commits that lost an ETag race; the turn was re-run (or reported after the last attempt).");
        _deliveries = Meter.CreateCounter<long>("coachbot.deliveries", "{activity}", "Outgoing activities by outcome: sent, failed, not_attempted.");
        _connectorRetries = Meter.CreateCounter<long>("coachbot.connector.retries", "{retry}", "Connector calls retried, by the status that caused the retry.");
        _proactive = Meter.CreateCounter<long>("coachbot.proactive.sends", "{turn}", "Proactive turns (check-in prompts and other continuations) by outcome: sent or failed.");
        _decisions = Meter.CreateCounter<long>("coachbot.decisions", "{decision}", "Coaching decisions recorded, by decision.");
        _escalations = Meter.CreateCounter<long>("coachbot.escalations", "{escalation}", "Escalations raised, by level.");
    }

    /// <summary>The activity source of CoachBot's spans.</summary>
    public static ActivitySource ActivitySource { get; } = new(ActivitySourceName, typeof(BotMetrics).Assembly.GetName().Version?.ToString());

    /// <summary>The meter (for listeners that want only this instance).</summary>
    public Meter Meter { get; }

    /// <inheritdoc />
    public void Dispose() => Meter.Dispose();

    /// <summary>A turn ended: <paramref name="outcome"/> is <c>ok</c> or <c>error</c>.</summary>
    public void TurnCompleted(string? activityType, string? channelId, string outcome, TimeSpan duration)
    {
        var tags = new TagList
        {
            { "coachbot.activity.type", activityType ?? "unknown" },
            { "coachbot.channel", channelId ?? "unknown" },
            { "coachbot.outcome", outcome },
        };
        _turns.Add(1, tags);
        _turnDuration.Record(duration.TotalSeconds, tags);
    }

    /// <summary>The turn error handler answered a failed turn.</summary>
    public void TurnFailed(string? activityType, string errorType) =>
        _turnErrors.Add(1, new TagList { { "coachbot.activity.type", activityType ?? "unknown" }, { "error.type", errorType } });

    /// <summary>A state commit lost an ETag race.</summary>
    public void StateConflict() => _stateConflicts.Add(1);

    /// <summary>An outgoing activity was sent, failed, or not attempted after an earlier failure.</summary>
    public void Delivery(string outcome) => _deliveries.Add(1, new KeyValuePair<string, object?>("coachbot.outcome", outcome));

    /// <summary>A connector call is retried after <paramref name="status"/> (an HTTP status or an error name).</summary>
    public void ConnectorRetry(string status) => _connectorRetries.Add(1, new KeyValuePair<string, object?>("http.response.status_code", status));

    /// <summary>A proactive turn ended: <c>sent</c> or <c>failed</c>.</summary>
    public void Proactive(string outcome) => _proactive.Add(1, new KeyValuePair<string, object?>("coachbot.outcome", outcome));

    /// <summary>A coaching decision was recorded (progress, hold, pause).</summary>
    public void Decision(string decision) => _decisions.Add(1, new KeyValuePair<string, object?>("coachbot.decision", decision));

    /// <summary>An escalation was raised at <paramref name="level"/>.</summary>
    public void Escalation(string level) => _escalations.Add(1, new KeyValuePair<string, object?>("coachbot.escalation.level", level));
}
