using System.Globalization;
using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Programs;
using CoachBot.Records;
using CoachBot.Storage;
using Microsoft.Extensions.Logging;

namespace CoachBot.Scheduling;

/// <summary>
/// What the scheduler records about a patient's check-ins (docs/scheduling.md, "Missed check-ins, reminders and
/// 'remind me later'"): the check-in sent, two unanswered in a row (a routine escalation), a channel that refuses
/// the patient (unreachable), and a "remind me later" that has been honoured.
/// </summary>
internal sealed partial class CheckInOutcomes
{
    private const int MaxUpdateAttempts = 5;

    private readonly IPatientRepository _patients;
    private readonly IEscalationRepository _escalations;
    private readonly DueIndex _index;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public CheckInOutcomes(IPatientRepository patients, IEscalationRepository escalations, DueIndex index, TimeProvider time, ILogger<CheckInScheduler> logger)
    {
        _patients = patients;
        _escalations = escalations;
        _index = index;
        _time = time;
        _logger = logger;
    }

    /// <summary>Remembers the check-in about to be sent, so its reminder and the next evaluation can find it.</summary>
    public Task RecordSendingAsync(PatientRecord patient, DueEntry entry, DateTimeOffset now, CancellationToken ct)
    {
        var sent = new SentCheckIn(entry.SlotId, entry.Due, now, patient.CheckInCount);
        return _index.UpdateStateAsync(entry.PatientId, s => s with { LastCheckIn = sent }, ct);
    }

    /// <summary>
    /// Before a new scheduled check-in: was the previous one answered? Counts misses in a row and raises the routine
    /// escalation at the second. Idempotent per previous slot.
    /// </summary>
    public async Task EvaluatePreviousAsync(PatientRecord patient, PatientScheduleState? state, string slotId, CancellationToken ct)
    {
        if (state?.LastCheckIn is not { } previous
            || string.Equals(previous.SlotId, slotId, StringComparison.Ordinal)
            || string.Equals(state.EvaluatedSlotId, previous.SlotId, StringComparison.Ordinal))
        {
            return;
        }

        var missed = patient.CheckInCount <= previous.CheckInCountAtSend;
        var misses = missed ? state.ConsecutiveMisses + 1 : 0;
        if (CheckInCadence.EscalateMissed(misses))
        {
            // A deterministic id: an instance that repeats this after a crash finds it raised already.
            await RaiseOnceAsync(new EscalationRecord
            {
                Id = SchedulerKeys.FormatTime(previous.Due) + "-missed-" + patient.PatientId,
                PatientId = patient.PatientId,
                Level = Escalation.Routine,
                RuleIds = [RuleTable.SchedulerMissedTwo],
                Reason = "Two scheduled check-ins in a row were not answered (the last one was due " + previous.Due.ToString("u", CultureInfo.InvariantCulture) + ").",
                RaisedAt = _time.GetUtcNow(),
            }, ct).ConfigureAwait(false);
        }

        await _index.UpdateStateAsync(
            patient.PatientId,
            current => string.Equals(current.EvaluatedSlotId, previous.SlotId, StringComparison.Ordinal)
                ? current
                : current with { EvaluatedSlotId = previous.SlotId, ConsecutiveMisses = misses },
            ct).ConfigureAwait(false);
    }

    /// <summary>The channel refused the patient for good: stop scheduled check-ins until they write, and tell a coach.</summary>
    public async Task MarkUnreachableAsync(PatientRecord patient, DueEntry entry, string? detail, CancellationToken ct)
    {
        await UpdatePatientAsync(patient.PatientId, p => p.Reachable ? p with { Reachable = false } : null, ct).ConfigureAwait(false);
        await RaiseOnceAsync(new EscalationRecord
        {
            Id = SchedulerKeys.FormatTime(entry.Due) + "-unreachable-" + patient.PatientId,
            PatientId = patient.PatientId,
            Level = Escalation.Routine,
            RuleIds = [RuleTable.SchedulerUnreachable],
            Reason = "The channel refused a scheduled message (" + detail + "). Scheduled check-ins stop until the patient writes again.",
            RaisedAt = _time.GetUtcNow(),
        }, ct).ConfigureAwait(false);
    }

    /// <summary>The "remind me later" check-in was sent: clear the request (unless the patient made a new one).</summary>
    public Task ClearRemindLaterAsync(PatientRecord patient, DateTimeOffset remindAt, CancellationToken ct) =>
        UpdatePatientAsync(patient.PatientId, p => p.RemindLaterAt == remindAt ? p with { RemindLaterAt = null } : null, ct);

    private async Task RaiseOnceAsync(EscalationRecord escalation, CancellationToken ct)
    {
        try
        {
            await _escalations.RaiseAsync(escalation, ct).ConfigureAwait(false);
            LogEscalated(escalation.PatientId, escalation.RuleIds[0]);
        }
        catch (StorageConflictException)
        {
            // Raised already (by this slot's earlier, interrupted dispatch).
        }
    }

    /// <summary>Applies a change to the patient record with its ETag, re-reading on conflicts; null from the change means "nothing to do".</summary>
    private async Task UpdatePatientAsync(string patientId, Func<PatientRecord, PatientRecord?> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await _patients.GetAsync(patientId, null, ct).ConfigureAwait(false);
            if (current is null || change(current) is not { } next)
            {
                return;
            }

            try
            {
                await _patients.SaveAsync(next, ct).ConfigureAwait(false);
                return;
            }
            catch (StorageConflictException) when (attempt < MaxUpdateAttempts)
            {
                // The patient changed meanwhile (a turn of theirs): apply the change to the new version.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Raised a routine escalation {RuleId} for patient {PatientId}.")]
    private partial void LogEscalated(string patientId, string ruleId);
}
