namespace CoachBot.Scheduling;

/// <summary>What a due entry asks for.</summary>
public enum SlotKind
{
    /// <summary>A check-in of the patient's schedule.</summary>
    CheckIn,

    /// <summary>The one reminder after an unanswered check-in.</summary>
    Reminder,

    /// <summary>A check-in at the time the patient asked for with "remind me later".</summary>
    Later,
}

/// <summary>Where a slot's dispatch is. Persisted as text in <c>scheduler/claims/...</c>.</summary>
public enum ClaimState
{
    /// <summary>Waiting to be (re)claimed, not before <see cref="SlotClaim.NotBefore"/> (after a 429 or a failure before sending).</summary>
    Pending,

    /// <summary>An instance owns the slot until <see cref="SlotClaim.LeaseUntil"/>; nothing was sent yet.</summary>
    Claimed,

    /// <summary>The owner is calling the channel. If the lease runs out in this state the outcome is unknown.</summary>
    Sending,

    /// <summary>The channel accepted it.</summary>
    Sent,

    /// <summary>Nothing to send (answered already, check-ins stopped, coach holds the conversation, too late...).</summary>
    Skipped,

    /// <summary>The channel refused it for good (for example 403: the patient is unreachable).</summary>
    Failed,

    /// <summary>
    /// The owner crashed (or lost its lease) while sending: the message may or may not have arrived. Not sent again,
    /// so a patient never gets the same check-in twice; see docs/scheduling.md.
    /// </summary>
    Uncertain,
}

/// <summary>The claim document of one slot: <c>scheduler/claims/{patientId}/{slotId}</c>, created create-only.</summary>
public sealed record SlotClaim
{
    /// <summary>The patient.</summary>
    public required string PatientId { get; init; }

    /// <summary>The slot id, for example <c>checkin~2025-01-06</c>.</summary>
    public required string SlotId { get; init; }

    /// <summary>When the slot was due.</summary>
    public required DateTimeOffset Due { get; init; }

    /// <summary>The state.</summary>
    public required ClaimState State { get; init; }

    /// <summary>The instance that owns (or last owned) the claim.</summary>
    public string? Owner { get; init; }

    /// <summary>Until when the owner's claim is protected.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>For <see cref="ClaimState.Pending"/>: not to be tried before this time.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>Dispatch attempts so far.</summary>
    public int Attempts { get; init; }

    /// <summary>When the channel accepted it.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>Why it ended the way it did (for logs and coaches).</summary>
    public string? Detail { get; init; }

    /// <summary>True once the claim will not change any more.</summary>
    public bool IsFinal => State is ClaimState.Sent or ClaimState.Skipped or ClaimState.Failed or ClaimState.Uncertain;
}

/// <summary>A check-in the scheduler sent, remembered to detect silence and missed check-ins.</summary>
/// <param name="SlotId">The slot.</param>
/// <param name="Due">When it was due.</param>
/// <param name="SentAt">When it was sent.</param>
/// <param name="CheckInCountAtSend">The patient's <c>CheckInCount</c> when it was sent: a higher count later means it was answered.</param>
public sealed record SentCheckIn(string SlotId, DateTimeOffset Due, DateTimeOffset SentAt, int CheckInCountAtSend);

/// <summary>The scheduler's memory of one patient: <c>scheduler/patients/{patientId}</c>.</summary>
public sealed record PatientScheduleState
{
    /// <summary>The patient.</summary>
    public required string PatientId { get; init; }

    /// <summary>The last scheduled check-in sent.</summary>
    public SentCheckIn? LastCheckIn { get; init; }

    /// <summary>The last check-in whose answer was evaluated (answered or missed).</summary>
    public string? EvaluatedSlotId { get; init; }

    /// <summary>Scheduled check-ins missed in a row.</summary>
    public int ConsecutiveMisses { get; init; }

    /// <summary>The due time of the last scheduled check-in handled (sent or not): the next one comes after it.</summary>
    public DateTimeOffset? LastHandledDue { get; init; }

    /// <summary>The due-index keys written for this patient and not yet handled.</summary>
    public IReadOnlyList<string> Indexed { get; init; } = [];
}
