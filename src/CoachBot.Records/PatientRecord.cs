using System.Text.Json.Serialization;
using CoachBot.Coaching.Programs;
using CoachBot.Coaching.Screening;

namespace CoachBot.Records;

/// <summary>
/// One patient: profile, consent, baseline, screening, goals, program, schedule and flags the bot, the scheduler
/// and the coach page share. Immutable; update with <c>with</c> and save through <see cref="IPatientRepository"/>.
/// </summary>
public sealed record PatientRecord
{
    /// <summary>The patient id (see <see cref="Records.PatientId"/>).</summary>
    public required string PatientId { get; init; }

    /// <summary>The channel the patient talks on.</summary>
    public required string ChannelId { get; init; }

    /// <summary>The channel's user id.</summary>
    public required string UserId { get; init; }

    /// <summary>When the record was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The name the patient wants to be called.</summary>
    public string? Name { get; init; }

    /// <summary>The patient's locale (for example <c>en-GB</c>), used for crisis lines.</summary>
    public string? Locale { get; init; }

    /// <summary>The IANA time zone (for local dates and the schedule).</summary>
    public string? TimeZone { get; init; }

    /// <summary>True when the patient agreed that answers are kept; false when declined; null when not asked yet.</summary>
    public bool? Consent { get; init; }

    /// <summary>When consent was answered.</summary>
    public DateTimeOffset? ConsentAt { get; init; }

    /// <summary>True once onboarding finished.</summary>
    public bool Onboarded { get; init; }

    /// <summary>Baseline pain 0-10 on a normal day.</summary>
    public int? BaselinePain { get; init; }

    /// <summary>An activity the back makes hard (the patient's words).</summary>
    public string? FunctionActivity { get; init; }

    /// <summary>How well the patient can do <see cref="FunctionActivity"/>, 0-10.</summary>
    public int? FunctionScore { get; init; }

    /// <summary>The STarT Back result at onboarding.</summary>
    public StartBackResult? StartBack { get; init; }

    /// <summary>The pre-exercise screening at onboarding.</summary>
    public ScreeningRecord? Screening { get; init; }

    /// <summary>The hold on the programme the screening asked for, and its release; null when none was needed.</summary>
    public TrainingClearance? Clearance { get; init; }

    /// <summary>What the patient can train with.</summary>
    public Equipment? Equipment { get; init; }

    /// <summary>How long the patient has done strength training.</summary>
    public TrainingExperience? Experience { get; init; }

    /// <summary>The patient's goals (their words).</summary>
    public string? Goals { get; init; }

    /// <summary>The training program and its history.</summary>
    public PatientProgram? Program { get; init; }

    /// <summary>The check-in schedule.</summary>
    public CheckInSchedule? Schedule { get; init; }

    /// <summary>False after the patient said stop (no proactive check-ins).</summary>
    public bool CheckInsActive { get; init; } = true;

    /// <summary>Whether the bot could reach the patient the last time it tried.</summary>
    public bool Reachable { get; init; } = true;

    /// <summary>
    /// When the patient last sent something, to within five minutes: the bot writes it again once it is that old, and
    /// always for the first message after a proactive check-in turn, so a reply to a check-in is never missed.
    /// </summary>
    public DateTimeOffset? LastSeenAt { get; init; }

    /// <summary>True while a coach holds the conversation: the bot does not answer automatically.</summary>
    public bool CoachHoldsConversation { get; init; }

    /// <summary>The coach holding the conversation, when one does.</summary>
    public string? HoldingCoach { get; init; }

    /// <summary>True while the patient reports a flare-up.</summary>
    public bool InFlareUp { get; init; }

    /// <summary>The day the current flare-up started.</summary>
    public DateOnly? FlareUpSince { get; init; }

    /// <summary>The last local day the red-flag screen was asked.</summary>
    public DateOnly? LastRedFlagScreenOn { get; init; }

    /// <summary>Check-ins recorded so far (the sequence number of the last one).</summary>
    public int CheckInCount { get; init; }

    /// <summary>Ids of lessons already shown.</summary>
    public IReadOnlyList<string> LessonsSeen { get; init; } = [];

    /// <summary>
    /// When the patient asked "remind me later": the scheduler sends the check-in at this time instead of waiting for
    /// the next slot, then clears it. Null when no reminder is pending.
    /// </summary>
    public DateTimeOffset? RemindLaterAt { get; init; }

    /// <summary>
    /// A coach's override of the next check-in decision: applied once by the next check-in (recorded on its
    /// <see cref="CheckInEntry"/>), then cleared.
    /// </summary>
    public DecisionOverride? NextDecisionOverride { get; init; }

    /// <summary>When the patient was last given the safety-netting reminder (what to do if new symptoms appear).</summary>
    public DateTimeOffset? LastSafetyNetAt { get; init; }

    /// <summary>The ETag the record was read with (null for a new record); not stored.</summary>
    [JsonIgnore]
    public string? ETag { get; init; }
}
