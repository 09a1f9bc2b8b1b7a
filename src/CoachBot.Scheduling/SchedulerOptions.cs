using System.ComponentModel.DataAnnotations;

namespace CoachBot.Scheduling;

/// <summary>Settings of the proactive check-in scheduler (configuration section <c>Scheduler</c>).</summary>
public sealed class SchedulerOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Scheduler";

    /// <summary>Whether the hosted scheduler runs. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the due index is polled. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often every patient record is read to (re)build the due index, which picks up schedule changes and
    /// "remind me later" times. Bounds how late a changed schedule can be noticed. Default 5 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>One reminder is sent this long after an unanswered check-in; 00:00:00 turns reminders off. Default 3 h.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "2.00:00:00")]
    public TimeSpan ReminderAfter { get; set; } = TimeSpan.FromHours(3);

    /// <summary>Local time quiet hours start (nothing is sent from then until <see cref="QuietHoursEnd"/>). Default 21:00.</summary>
    public TimeOnly? QuietHoursStart { get; set; } = new TimeOnly(21, 0);

    /// <summary>Local time quiet hours end; slots inside the quiet hours move here. Default 08:00.</summary>
    public TimeOnly? QuietHoursEnd { get; set; } = new TimeOnly(8, 0);

    /// <summary>A slot more than this late (for example after downtime) is skipped, not sent. Default 2 h.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan MaxLateness { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long a claim protects a slot being dispatched; a crashed claimer's slot is taken over after it. Default 10 min.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>At most this many due entries are handled per poll. Default 1000.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 1000;

    /// <summary>Dispatches run in parallel up to this many. Default 8.</summary>
    [Range(1, 256)]
    public int MaxParallelism { get; set; } = 8;

    /// <summary>Outbound activities per second across all conversations (0 = no global limit). Default 30 (Teams: 30 RPS per app per tenant).</summary>
    [Range(0, 100_000)]
    public int GlobalSendsPerSecond { get; set; } = 30;

    /// <summary>First back-off after the channel still answers 429 once the connector's own retries are spent (doubles per attempt). Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ThrottleBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Dispatch attempts of one slot (throttled or failed before anything was sent) before it is given up. Default 5.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>
    /// When the host stops, no new dispatch starts, and the dispatches already under way get this long to finish, so
    /// that a check-in being sent is not cut off between "sending" and "sent" (which would leave it uncertain, and
    /// never sent again). Keep it below the host's shutdown timeout (30 s by default). Default 10 s; 00:00:00 stops
    /// them at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan StopGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The quiet hours, or null when none are configured.</summary>
    public QuietHours? QuietHours => QuietHoursStart is { } start && QuietHoursEnd is { } end && start != end ? new QuietHours(start, end) : null;
}
