using System.Globalization;
using CoachBot.Records;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Scheduling;

/// <summary>
/// Runs the scheduled check-ins of docs/scheduling.md: finds due slots in the <see cref="DueIndex"/>, claims each one
/// (<see cref="SlotClaims"/>, so a slot is dispatched by one instance only, across restarts and instances), sends it
/// (<see cref="CheckInDelivery"/>) and records what followed (<see cref="CheckInOutcomes"/>): the reminder after
/// silence, "remind me later", two missed check-ins in a row, a patient the channel refuses.
/// </summary>
public sealed partial class CheckInScheduler
{
    /// <summary>The message key of the reminder after silence.</summary>
    public const string ReminderKey = CheckInDelivery.ReminderKey;

    private const int ReadChunk = 500;

    private readonly IPatientRepository _patients;
    private readonly DueIndex _index;
    private readonly SlotClaims _claims;
    private readonly CheckInDelivery _delivery;
    private readonly CheckInOutcomes _outcomes;
    private readonly SchedulerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal CheckInScheduler(
        IPatientRepository patients,
        DueIndex index,
        SlotClaims claims,
        CheckInDelivery delivery,
        CheckInOutcomes outcomes,
        IOptions<SchedulerOptions> options,
        TimeProvider time,
        ILogger<CheckInScheduler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _patients = patients;
        _index = index;
        _claims = claims;
        _delivery = delivery;
        _outcomes = outcomes;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>This instance's id, written into the claims it owns.</summary>
    public string InstanceId => _claims.InstanceId;

    /// <summary>
    /// Reads every patient (in chunks) and writes the due-index entries that are missing: the next scheduled
    /// check-in and a pending "remind me later". Returns how many entries were written.
    /// </summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        var patients = await _patients.ListAsync(cancellationToken).ConfigureAwait(false);
        var written = 0;
        foreach (var chunk in patients.Chunk(ReadChunk))
        {
            var states = await _index.ReadStatesAsync(chunk.Select(p => p.PatientId), cancellationToken).ConfigureAwait(false);
            foreach (var patient in chunk)
            {
                states.TryGetValue(patient.PatientId, out var state);
                written += await _index.EnsureIndexedAsync(patient, state, cancellationToken).ConfigureAwait(false);
            }
        }

        return written;
    }

    /// <summary>Re-indexes one patient now (for code that just changed a schedule or a "remind me later" time).</summary>
    public async Task<int> RefreshPatientAsync(string patientId, CancellationToken cancellationToken = default)
    {
        var patient = await _patients.GetAsync(patientId, null, cancellationToken).ConfigureAwait(false);
        if (patient is null)
        {
            return 0;
        }

        var state = await _index.GetStateAsync(patientId, cancellationToken).ConfigureAwait(false);
        return await _index.EnsureIndexedAsync(patient, state, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Handles every due-index entry due by now (at most <see cref="SchedulerOptions.BatchSize"/>).</summary>
    public async Task<PollResult> PollOnceAsync(CancellationToken cancellationToken = default)
    {
        var entries = await _index.ListDueAsync(_time.GetUtcNow(), _options.BatchSize, cancellationToken).ConfigureAwait(false);
        var counts = new int[5];
        // Stopping (the host shuts down) starts no new dispatch, but one under way runs on the grace token: it is
        // cancelled only StopGrace later (on the TimeProvider), so a check-in being sent is recorded as sent rather
        // than left uncertain. The registration is disposed before the source, so the source is never used disposed.
        using var grace = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        await using (cancellationToken.Register(() => grace.CancelAfter(_options.StopGrace)).ConfigureAwait(false))
        {
            await Parallel.ForEachAsync(
                entries,
                new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelism, CancellationToken = cancellationToken },
                async (entry, _) =>
                {
                    Outcome outcome;
                    try
                    {
                        outcome = await ProcessAsync(entry, grace.Token).ConfigureAwait(false);
                    }
#pragma warning disable CA1031 // One patient's problem must not stop the others; the entry stays and is retried.
                    catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                    {
                        LogEntryFailed(ex, entry.Key);
                        outcome = Outcome.Error;
                    }

                    Interlocked.Increment(ref counts[(int)outcome]);
                }).ConfigureAwait(false);
        }

        return new PollResult(entries.Count, counts[(int)Outcome.Sent], counts[(int)Outcome.Skipped], counts[(int)Outcome.Failed], counts[(int)Outcome.Deferred], counts[(int)Outcome.Error]);
    }

    private enum Outcome
    {
        Sent,
        Skipped,
        Failed,
        Deferred,
        Error,
    }

    private async Task<Outcome> ProcessAsync(DueEntry entry, CancellationToken ct)
    {
        var patient = await _patients.GetAsync(entry.PatientId, null, ct).ConfigureAwait(false);
        var state = await _index.GetStateAsync(entry.PatientId, ct).ConfigureAwait(false);
        if (patient is null || !_index.IsCurrent(entry, patient, state))
        {
            await _index.FinishAsync(entry, patient, handled: false, ct).ConfigureAwait(false);
            return Outcome.Skipped;
        }

        if (_delivery.IsPaused())
        {
            return Outcome.Deferred;
        }

        var (claim, final) = await _claims.ClaimAsync(entry, ct).ConfigureAwait(false);
        if (final)
        {
            await _index.FinishAsync(entry, patient, handled: true, ct).ConfigureAwait(false);
            return Outcome.Skipped;
        }

        if (claim is null)
        {
            return Outcome.Deferred;
        }

        var now = _time.GetUtcNow();
        if (SkipReason(entry, patient, state, now) is { } reason)
        {
            await _claims.TransitionAsync(claim, claim.Value with { State = ClaimState.Skipped, Detail = reason }, ct).ConfigureAwait(false);
            await _index.FinishAsync(entry, patient, handled: true, ct).ConfigureAwait(false);
            return Outcome.Skipped;
        }

        if (entry.Kind == SlotKind.CheckIn)
        {
            await _outcomes.EvaluatePreviousAsync(patient, state, entry.SlotId, ct).ConfigureAwait(false);
        }

        var sending = await _claims.TransitionAsync(claim, claim.Value with { State = ClaimState.Sending, LeaseUntil = now + _options.ClaimLease }, ct).ConfigureAwait(false);
        if (sending is null)
        {
            return Outcome.Deferred; // our lease ran out and another instance took the slot
        }

        if (entry.Kind == SlotKind.CheckIn)
        {
            await _outcomes.RecordSendingAsync(patient, entry, now, ct).ConfigureAwait(false);
        }

        var (result, detail) = await _delivery.SendAsync(patient, entry, ct).ConfigureAwait(false);
        now = _time.GetUtcNow();
        switch (result)
        {
            case SendResult.Sent:
                await _claims.TransitionAsync(sending, sending.Value with { State = ClaimState.Sent, SentAt = now, Detail = detail }, ct).ConfigureAwait(false);
                await AfterSentAsync(entry, patient, now, ct).ConfigureAwait(false);
                await _index.FinishAsync(entry, patient, handled: true, ct).ConfigureAwait(false);
                LogSent(entry.SlotId, entry.PatientId);
                return Outcome.Sent;
            case SendResult.Unreachable:
                await _claims.TransitionAsync(sending, sending.Value with { State = ClaimState.Failed, Detail = detail }, ct).ConfigureAwait(false);
                await _outcomes.MarkUnreachableAsync(patient, entry, detail, ct).ConfigureAwait(false);
                await _index.FinishAsync(entry, patient, handled: true, ct).ConfigureAwait(false);
                return Outcome.Failed;
            case SendResult.Throttled or SendResult.NotSent when sending.Value.Attempts < _options.MaxAttempts:
                var backoff = _options.ThrottleBackoff * Math.Pow(2, Math.Min(sending.Value.Attempts - 1, 10));
                if (result == SendResult.Throttled)
                {
                    _delivery.PauseUntil(now + _options.ThrottleBackoff);
                }

                await _claims.TransitionAsync(sending, sending.Value with { State = ClaimState.Pending, LeaseUntil = null, NotBefore = now + backoff, Detail = detail }, ct).ConfigureAwait(false);
                LogBackingOff(entry.SlotId, entry.PatientId, detail, backoff);
                return Outcome.Deferred;
            case SendResult.Uncertain:
                await _claims.TransitionAsync(sending, sending.Value with { State = ClaimState.Uncertain, Detail = detail }, ct).ConfigureAwait(false);
                await _index.FinishAsync(entry, patient, handled: true, ct).ConfigureAwait(false);
                return Outcome.Failed;
            default:
                await _claims.TransitionAsync(sending, sending.Value with { State = ClaimState.Failed, Detail = detail }, ct).ConfigureAwait(false);
                await _index.FinishAsync(entry, patient, handled: true, ct).ConfigureAwait(false);
                LogGaveUp(entry.SlotId, entry.PatientId, detail);
                return Outcome.Failed;
        }
    }

    private async Task AfterSentAsync(DueEntry entry, PatientRecord patient, DateTimeOffset sentAt, CancellationToken ct)
    {
        if (entry.Kind == SlotKind.Later && patient.RemindLaterAt is { } at)
        {
            await _outcomes.ClearRemindLaterAsync(patient, at, ct).ConfigureAwait(false);
        }

        if (entry.Kind == SlotKind.CheckIn && _options.ReminderAfter > TimeSpan.Zero)
        {
            await _index.IndexReminderAsync(patient, entry.SlotId, sentAt, ct).ConfigureAwait(false);
        }
    }

    private string? SkipReason(DueEntry entry, PatientRecord patient, PatientScheduleState? state, DateTimeOffset now)
    {
        if (!patient.CheckInsActive)
        {
            return "check-ins stopped by the patient";
        }

        if (!patient.Reachable)
        {
            return "patient unreachable";
        }

        if (patient.CoachHoldsConversation)
        {
            return "a coach holds the conversation";
        }

        if (now - entry.Due > _options.MaxLateness)
        {
            return "too late (" + (now - entry.Due).ToString("c", CultureInfo.InvariantCulture) + " after its time)";
        }

        if (entry.Kind == SlotKind.Reminder && state?.LastCheckIn is { } last
            && (patient.CheckInCount > last.CheckInCountAtSend || patient.LastSeenAt >= last.SentAt))
        {
            return "the patient answered";
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling due entry {Key} failed; it stays in the index and is retried.")]
    private partial void LogEntryFailed(Exception exception, string key);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {SlotId} to patient {PatientId}.")]
    private partial void LogSent(string slotId, string patientId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slot {SlotId} of patient {PatientId} was not sent ({Detail}); trying again in {Delay}.")]
    private partial void LogBackingOff(string slotId, string patientId, string? detail, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slot {SlotId} of patient {PatientId} failed for good: {Detail}.")]
    private partial void LogGaveUp(string slotId, string patientId, string? detail);
}
