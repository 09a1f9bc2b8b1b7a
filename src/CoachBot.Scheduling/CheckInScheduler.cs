using System.Globalization;
using System.Net;
using System.Text.Json;
using CoachBot.Coaching.Policy;
using CoachBot.Content;
using CoachBot.Protocol.Connector;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.State;
using CoachBot.Protocol.Turns;
using CoachBot.Storage.Records;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Scheduling;

/// <summary>
/// Finds due check-ins in the due index, claims each slot in the shared <see cref="IStorage"/> (create-only claim
/// documents with a lease, so a slot is dispatched by one instance only, across restarts and instances), and starts
/// the check-in proactively through <see cref="BotAdapter"/>. Also sends the one reminder after silence, honours
/// "remind me later", escalates two missed check-ins in a row and marks patients unreachable on a 403.
/// See docs/scheduling.md.
/// </summary>
public sealed partial class CheckInScheduler
{
    /// <summary>The message key of the reminder after silence.</summary>
    public const string ReminderKey = MessageKeys.Checkin.Reminder;

    private const int MaxUpdateAttempts = 5;
    private const int ReadChunk = 500;

    private readonly IStorage _storage;
    private readonly IPatientRepository _patients;
    private readonly IConversationReferenceStore _references;
    private readonly IEscalationRepository _escalations;
    private readonly BotAdapter _adapter;
    private readonly CheckInTurn _checkIn;
    private readonly ContentCatalog _messages;
    private readonly SchedulerOptions _options;
    private readonly QuietHours? _quiet;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DocumentStore<SlotClaim> _claims;
    private readonly DocumentStore<PatientScheduleState> _states;
    private readonly SlidingWindowRateLimiter _perConversation;
    private readonly SlidingWindowRateLimiter? _global;
    private readonly Lock _pauseGate = new();
    private DateTimeOffset _pausedUntil;

    /// <summary>Creates a scheduler instance (one per host process; several may share one store).</summary>
    public CheckInScheduler(
        IStorage storage,
        IPatientRepository patients,
        IConversationReferenceStore references,
        IEscalationRepository escalations,
        BotAdapter adapter,
        CheckInTurn checkIn,
        ContentCatalog messages,
        IOptions<SchedulerOptions> options,
        TimeProvider time,
        ILogger<CheckInScheduler> logger)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(options);
        _storage = storage;
        _patients = patients;
        _references = references;
        _escalations = escalations;
        _adapter = adapter;
        _checkIn = checkIn;
        _messages = messages;
        _messages.Validate([ReminderKey]);
        _options = options.Value;
        _quiet = _options.QuietHours;
        _time = time;
        _logger = logger;
        _claims = new DocumentStore<SlotClaim>(storage, SchedulerKeys.ClaimsCollection);
        _states = new DocumentStore<PatientScheduleState>(storage, SchedulerKeys.PatientsCollection);
        _perConversation = new SlidingWindowRateLimiter(SlidingWindowRateLimiter.TeamsPerConversation, time);
        _global = _options.GlobalSendsPerSecond > 0 ? new SlidingWindowRateLimiter([(_options.GlobalSendsPerSecond, TimeSpan.FromSeconds(1))], time) : null;
        InstanceId = Environment.MachineName + "/" + Guid.NewGuid().ToString("N")[..12];
    }

    /// <summary>This instance's id, written into the claims it owns.</summary>
    public string InstanceId { get; }

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
            var states = await ReadStatesAsync(chunk.Select(p => p.PatientId), cancellationToken).ConfigureAwait(false);
            foreach (var patient in chunk)
            {
                states.TryGetValue(patient.PatientId, out var state);
                written += await EnsureIndexedAsync(patient, state, cancellationToken).ConfigureAwait(false);
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

        var state = await _states.GetAsync(patientId, cancellationToken).ConfigureAwait(false);
        return await EnsureIndexedAsync(patient, state?.Value, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Handles every due-index entry due by now (at most <see cref="SchedulerOptions.BatchSize"/>).</summary>
    public async Task<PollResult> PollOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var entries = new List<DueEntry>();
        await foreach (var key in _storage.ListKeysAsync(SchedulerKeys.DuePrefix, cancellationToken).ConfigureAwait(false))
        {
            if (!SchedulerKeys.TryParseDueEntry(key, out var entry))
            {
                LogBadIndexKey(key);
                continue;
            }

            if (entry.Due > now || entries.Count >= _options.BatchSize)
            {
                break; // keys are in time order: nothing later is due
            }

            entries.Add(entry);
        }

        var counts = new int[6];

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

    private enum SendResult
    {
        Sent,
        Unreachable,
        Throttled,
        NotSent,
        Refused,
        Uncertain,
    }

    private async Task<Outcome> ProcessAsync(DueEntry entry, CancellationToken ct)
    {
        var patient = await _patients.GetAsync(entry.PatientId, null, ct).ConfigureAwait(false);
        var state = (await _states.GetAsync(entry.PatientId, ct).ConfigureAwait(false))?.Value;
        if (patient is null || !IsCurrent(entry, patient, state))
        {
            await FinishAsync(entry, patient, handled: false, ct).ConfigureAwait(false);
            return Outcome.Skipped;
        }

        if (IsPaused())
        {
            return Outcome.Deferred;
        }

        var (claim, final) = await ClaimAsync(entry, ct).ConfigureAwait(false);
        if (final)
        {
            await FinishAsync(entry, patient, handled: true, ct).ConfigureAwait(false);
            return Outcome.Skipped;
        }

        if (claim is null)
        {
            return Outcome.Deferred;
        }

        var now = _time.GetUtcNow();
        if (SkipReason(entry, patient, state, now) is { } reason)
        {
            await TransitionAsync(claim, claim.Value with { State = ClaimState.Skipped, Detail = reason }, ct).ConfigureAwait(false);
            await FinishAsync(entry, patient, handled: true, ct).ConfigureAwait(false);
            return Outcome.Skipped;
        }

        if (entry.Kind == SlotKind.CheckIn)
        {
            await EvaluatePreviousCheckInAsync(patient, state, entry.SlotId, ct).ConfigureAwait(false);
        }

        var sending = await TransitionAsync(claim, claim.Value with { State = ClaimState.Sending, LeaseUntil = now + _options.ClaimLease }, ct).ConfigureAwait(false);
        if (sending is null)
        {
            return Outcome.Deferred; // our lease ran out and another instance took the slot
        }

        if (entry.Kind == SlotKind.CheckIn)
        {
            var sent = new SentCheckIn(entry.SlotId, entry.Due, now, patient.CheckInCount);
            await _states.UpdateAsync(entry.PatientId, s => (s ?? NewState(entry.PatientId)) with { LastCheckIn = sent }, MaxUpdateAttempts, ct).ConfigureAwait(false);
        }

        var (result, detail) = await SendAsync(patient, entry, ct).ConfigureAwait(false);
        now = _time.GetUtcNow();
        switch (result)
        {
            case SendResult.Sent:
                await TransitionAsync(sending, sending.Value with { State = ClaimState.Sent, SentAt = now, Detail = detail }, ct).ConfigureAwait(false);
                await AfterSentAsync(entry, patient, now, ct).ConfigureAwait(false);
                await FinishAsync(entry, patient, handled: true, ct).ConfigureAwait(false);
                LogSent(entry.SlotId, entry.PatientId);
                return Outcome.Sent;
            case SendResult.Unreachable:
                await TransitionAsync(sending, sending.Value with { State = ClaimState.Failed, Detail = detail }, ct).ConfigureAwait(false);
                await MarkUnreachableAsync(patient, entry, detail, ct).ConfigureAwait(false);
                await FinishAsync(entry, patient, handled: true, ct).ConfigureAwait(false);
                return Outcome.Failed;
            case SendResult.Throttled or SendResult.NotSent when sending.Value.Attempts < _options.MaxAttempts:
                var backoff = _options.ThrottleBackoff * Math.Pow(2, Math.Min(sending.Value.Attempts - 1, 10));
                if (result == SendResult.Throttled)
                {
                    PauseUntil(now + _options.ThrottleBackoff);
                }

                await TransitionAsync(sending, sending.Value with { State = ClaimState.Pending, LeaseUntil = null, NotBefore = now + backoff, Detail = detail }, ct).ConfigureAwait(false);
                LogBackingOff(entry.SlotId, entry.PatientId, detail, backoff);
                return Outcome.Deferred;
            case SendResult.Uncertain:
                await TransitionAsync(sending, sending.Value with { State = ClaimState.Uncertain, Detail = detail }, ct).ConfigureAwait(false);
                await FinishAsync(entry, patient, handled: true, ct).ConfigureAwait(false);
                return Outcome.Failed;
            default:
                await TransitionAsync(sending, sending.Value with { State = ClaimState.Failed, Detail = detail }, ct).ConfigureAwait(false);
                await FinishAsync(entry, patient, handled: true, ct).ConfigureAwait(false);
                LogGaveUp(entry.SlotId, entry.PatientId, detail);
                return Outcome.Failed;
        }
    }

    /// <summary>False when the entry no longer matches the patient (schedule changed, "remind me later" cleared, newer check-in).</summary>
    private bool IsCurrent(DueEntry entry, PatientRecord patient, PatientScheduleState? state)
    {
        switch (entry.Kind)
        {
            case SlotKind.CheckIn:
                if (patient.Schedule is not { } schedule
                    || !DateOnly.TryParseExact(entry.SlotId["checkin~".Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return false;
                }

                try
                {
                    return CheckInSlots.OnDate(schedule, date, _quiet) is { } slot && slot.Due == entry.Due;
                }
                catch (ScheduleException ex)
                {
                    LogBadSchedule(patient.PatientId, ex.Message);
                    return false;
                }

            case SlotKind.Later:
                return patient.RemindLaterAt is { } at && string.Equals(SchedulerKeys.LaterSlot(at), entry.SlotId, StringComparison.Ordinal);
            default:
                return state?.LastCheckIn is { } last && string.Equals(SchedulerKeys.ReminderSlot(last.SlotId), entry.SlotId, StringComparison.Ordinal);
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

    /// <summary>Claims the slot: (owned claim, false), (null, true) when it is already final, (null, false) when busy.</summary>
    private async Task<(Versioned<SlotClaim>? Claim, bool Final)> ClaimAsync(DueEntry entry, CancellationToken ct)
    {
        var id = SchedulerKeys.ClaimId(entry.PatientId, entry.SlotId);
        var now = _time.GetUtcNow();
        var existing = await _claims.GetAsync(id, ct).ConfigureAwait(false);
        if (existing is null)
        {
            var claim = new SlotClaim
            {
                PatientId = entry.PatientId,
                SlotId = entry.SlotId,
                Due = entry.Due,
                State = ClaimState.Claimed,
                Owner = InstanceId,
                LeaseUntil = now + _options.ClaimLease,
                Attempts = 1,
            };
            try
            {
                var etag = await _claims.CreateAsync(id, claim, ct).ConfigureAwait(false);
                return (new Versioned<SlotClaim>(claim, etag), false);
            }
            catch (StorageConflictException)
            {
                return (null, false); // another instance claimed it first
            }
        }

        var current = existing.Value;
        if (current.IsFinal)
        {
            return (null, true);
        }

        if (current.State is ClaimState.Claimed or ClaimState.Sending && current.LeaseUntil > now)
        {
            return (null, false);
        }

        if (current.State == ClaimState.Pending && current.NotBefore > now)
        {
            return (null, false);
        }

        if (current.State == ClaimState.Sending)
        {
            // The owner died while calling the channel: it may have been delivered. Never send it again.
            var uncertain = await TransitionAsync(existing, current with { State = ClaimState.Uncertain, Detail = "the instance sending it stopped; it may or may not have been delivered" }, ct).ConfigureAwait(false);
            if (uncertain is not null)
            {
                LogUncertain(entry.SlotId, entry.PatientId, current.Owner);
            }

            return (null, uncertain is not null);
        }

        // Claimed with an expired lease (the owner died before sending) or Pending and due again: take it over.
        var taken = await TransitionAsync(existing, current with { State = ClaimState.Claimed, Owner = InstanceId, LeaseUntil = now + _options.ClaimLease, NotBefore = null, Attempts = current.Attempts + 1 }, ct).ConfigureAwait(false);
        return (taken, false);
    }

    private async Task<Versioned<SlotClaim>?> TransitionAsync(Versioned<SlotClaim> current, SlotClaim next, CancellationToken ct)
    {
        try
        {
            var etag = await _claims.ReplaceAsync(SchedulerKeys.ClaimId(next.PatientId, next.SlotId), next, current.ETag, ct).ConfigureAwait(false);
            return new Versioned<SlotClaim>(next, etag);
        }
        catch (StorageConflictException)
        {
            return null;
        }
    }

    private async Task EvaluatePreviousCheckInAsync(PatientRecord patient, PatientScheduleState? state, string slotId, CancellationToken ct)
    {
        if (state?.LastCheckIn is not { } previous
            || string.Equals(previous.SlotId, slotId, StringComparison.Ordinal)
            || string.Equals(state.EvaluatedSlotId, previous.SlotId, StringComparison.Ordinal))
        {
            return;
        }

        var missed = patient.CheckInCount <= previous.CheckInCountAtSend;
        var misses = missed ? state.ConsecutiveMisses + 1 : 0;
        if (misses == 2)
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

        await _states.UpdateAsync(
            patient.PatientId,
            s =>
            {
                var current = s ?? NewState(patient.PatientId);
                return string.Equals(current.EvaluatedSlotId, previous.SlotId, StringComparison.Ordinal)
                    ? current
                    : current with { EvaluatedSlotId = previous.SlotId, ConsecutiveMisses = misses };
            },
            MaxUpdateAttempts,
            ct).ConfigureAwait(false);
    }

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

    private async Task MarkUnreachableAsync(PatientRecord patient, DueEntry entry, string? detail, CancellationToken ct)
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

    private async Task AfterSentAsync(DueEntry entry, PatientRecord patient, DateTimeOffset sentAt, CancellationToken ct)
    {
        if (entry.Kind == SlotKind.Later && patient.RemindLaterAt is { } at)
        {
            await UpdatePatientAsync(patient.PatientId, p => p.RemindLaterAt == at ? p with { RemindLaterAt = null } : null, ct).ConfigureAwait(false);
        }

        if (entry.Kind == SlotKind.CheckIn && _options.ReminderAfter > TimeSpan.Zero)
        {
            var zone = ZoneOf(patient);
            var due = CheckInSlots.ApplyQuietHours(sentAt + _options.ReminderAfter, zone, _quiet);
            await IndexAsync(patient.PatientId, [(due, SchedulerKeys.ReminderSlot(entry.SlotId))], ct).ConfigureAwait(false);
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

    /// <summary>Removes a handled entry from the index; after a scheduled check-in, indexes the next one first.</summary>
    private async Task FinishAsync(DueEntry entry, PatientRecord? patient, bool handled, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var add = new List<(DateTimeOffset Due, string SlotId)>();
        if (entry.Kind == SlotKind.CheckIn && patient is not null && NextCheckIn(patient, handled ? entry.Due : null, now) is { } next)
        {
            add.Add(next);
        }

        var added = add.Select(a => SchedulerKeys.DueEntry(a.Due, entry.PatientId, a.SlotId)).ToList();
        if (added.Count > 0)
        {
            await _storage.WriteAsync(added.ToDictionary(k => k, _ => new StoreItem("{}", "*"), StringComparer.Ordinal), ct).ConfigureAwait(false);
        }

        await _states.UpdateAsync(
            entry.PatientId,
            s =>
            {
                var current = s ?? NewState(entry.PatientId);
                var lastHandled = handled && entry.Kind == SlotKind.CheckIn && (current.LastHandledDue is null || current.LastHandledDue < entry.Due) ? entry.Due : current.LastHandledDue;
                return current with
                {
                    LastHandledDue = lastHandled,
                    Indexed = [.. current.Indexed.Where(k => !string.Equals(k, entry.Key, StringComparison.Ordinal)).Union(added, StringComparer.Ordinal)],
                };
            },
            MaxUpdateAttempts,
            ct).ConfigureAwait(false);
        await _storage.DeleteAsync([entry.Key], ct).ConfigureAwait(false);
    }

    private (DateTimeOffset Due, string SlotId)? NextCheckIn(PatientRecord patient, DateTimeOffset? handledDue, DateTimeOffset now, DateTimeOffset? lastHandled = null)
    {
        if (!IsEligible(patient))
        {
            return null;
        }

        var after = now - _options.MaxLateness;
        foreach (var candidate in new[] { handledDue, lastHandled })
        {
            if (candidate is { } c && c > after)
            {
                after = c;
            }
        }

        try
        {
            return CheckInSlots.Next(patient.Schedule!, after, _quiet) is { } slot ? (slot.Due, SchedulerKeys.CheckInSlot(slot.LocalDate)) : null;
        }
        catch (ScheduleException ex)
        {
            LogBadSchedule(patient.PatientId, ex.Message);
            return null;
        }
    }

    private static bool IsEligible(PatientRecord patient) =>
        patient.Onboarded && patient.CheckInsActive && patient.Reachable && patient.Schedule is not null;

    private async Task<int> EnsureIndexedAsync(PatientRecord patient, PatientScheduleState? state, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var wanted = new List<(DateTimeOffset Due, string SlotId)>();
        if (NextCheckIn(patient, null, now, state?.LastHandledDue) is { } next)
        {
            wanted.Add(next);
        }

        if (patient.RemindLaterAt is { } at && patient.CheckInsActive && patient.Reachable)
        {
            wanted.Add((CheckInSlots.ApplyQuietHours(at, ZoneOf(patient), _quiet), SchedulerKeys.LaterSlot(at)));
        }

        var indexed = state?.Indexed ?? [];
        var missing = wanted.Where(w => !indexed.Contains(SchedulerKeys.DueEntry(w.Due, patient.PatientId, w.SlotId), StringComparer.Ordinal)).ToList();
        if (missing.Count == 0)
        {
            return 0;
        }

        await IndexAsync(patient.PatientId, missing, ct).ConfigureAwait(false);
        return missing.Count;
    }

    private async Task IndexAsync(string patientId, IReadOnlyList<(DateTimeOffset Due, string SlotId)> slots, CancellationToken ct)
    {
        var keys = slots.Select(s => SchedulerKeys.DueEntry(s.Due, patientId, s.SlotId)).ToList();
        await _storage.WriteAsync(keys.ToDictionary(k => k, _ => new StoreItem("{}", "*"), StringComparer.Ordinal), ct).ConfigureAwait(false);
        await _states.UpdateAsync(
            patientId,
            s =>
            {
                var current = s ?? NewState(patientId);
                return current with { Indexed = [.. current.Indexed.Union(keys, StringComparer.Ordinal)] };
            },
            MaxUpdateAttempts,
            ct).ConfigureAwait(false);
    }

    private async Task<Dictionary<string, PatientScheduleState>> ReadStatesAsync(IEnumerable<string> patientIds, CancellationToken ct)
    {
        var keys = patientIds.ToDictionary(id => _states.KeyFor(id), id => id, StringComparer.Ordinal);
        var items = await _storage.ReadAsync(keys.Keys, ct).ConfigureAwait(false);
        var result = new Dictionary<string, PatientScheduleState>(StringComparer.Ordinal);
        foreach (var (key, item) in items)
        {
            try
            {
                result[keys[key]] = JsonSerializer.Deserialize<PatientScheduleState>(item.Json, StateJson.Options)!;
            }
            catch (JsonException ex)
            {
                LogBadState(key, ex.Message);
            }
        }

        return result;
    }

    private static PatientScheduleState NewState(string patientId) => new() { PatientId = patientId };

    private static TimeZoneInfo ZoneOf(PatientRecord patient)
    {
        var id = patient.Schedule?.TimeZone ?? patient.TimeZone;
        return id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    private bool IsPaused()
    {
        lock (_pauseGate)
        {
            return _time.GetUtcNow() < _pausedUntil;
        }
    }

    private void PauseUntil(DateTimeOffset until)
    {
        lock (_pauseGate)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }

    private async Task<(SendResult Result, string? Detail)> SendAsync(PatientRecord patient, DueEntry entry, CancellationToken ct)
    {
        var reference = await _references.GetAsync(patient.PatientId, ct).ConfigureAwait(false);
        if (reference is null)
        {
            return (SendResult.Refused, "no stored conversation reference");
        }

        var messages = 0;
        var hooked = 0;
        Func<ITurnContext, CancellationToken, Task> handler = entry.Kind == SlotKind.Reminder
            ? (turn, c) => turn.SendActivityAsync(_messages.Get(ReminderKey, ContentCatalog.StableSeed(entry.SlotId)), c)
            : _checkIn.Handler;

        async Task Turn(ITurnContext turn, CancellationToken c)
        {
            if (Interlocked.Exchange(ref hooked, 1) == 0)
            {
                turn.OnSendActivities(async (context, activities, next) =>
                {
                    var count = activities.Count(a => !string.Equals(a.Type, ActivityTypes.Typing, StringComparison.Ordinal));
                    if (count > 0)
                    {
                        await AcquireAsync(context.Activity, count, c).ConfigureAwait(false);
                        Interlocked.Add(ref messages, count);
                    }

                    return await next().ConfigureAwait(false);
                });
            }

            await handler(turn, c).ConfigureAwait(false);
        }

        try
        {
            if (NeedsNewTeamsConversation(reference))
            {
                return await CreateTeamsConversationAsync(patient, reference, Turn, ct).ConfigureAwait(false);
            }

            await _adapter.ContinueConversationAsync(reference, Turn, ct).ConfigureAwait(false);
            return (SendResult.Sent, null);
        }
        catch (DeliveryFailedException ex)
        {
            var failure = ex.Failures.FirstOrDefault(f => !f.NotAttempted) ?? (ex.Failures.Count > 0 ? ex.Failures[0] : null);
            var delivered = Volatile.Read(ref messages) - ex.Failures.Count;
            var (result, detail) = Classify(failure?.Error);
            if (delivered > 0 && result is SendResult.Throttled or SendResult.NotSent)
            {
                // Part of the turn reached the patient: sending it again would repeat that part.
                return (SendResult.Sent, "partly delivered: " + detail);
            }

            return (result, detail);
        }
        catch (ConnectorException ex)
        {
            return Classify(ex);
        }
        catch (ArgumentException ex)
        {
            return (SendResult.Refused, "the stored conversation reference is incomplete: " + ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not StorageConflictException)
        {
            // The turn failed before its replies were flushed (replies are delivered after the state commit).
            LogTurnFailed(ex, entry.SlotId, patient.PatientId);
            return (SendResult.NotSent, "the turn failed: " + ex.Message);
        }
    }

    private static (SendResult, string?) Classify(ConnectorException? error)
    {
        if (error is null)
        {
            return (SendResult.Uncertain, "delivery failed without an error");
        }

        var detail = string.Format(CultureInfo.InvariantCulture, "status {0}, code {1}", error.StatusCode is { } s ? ((int)s).ToString(CultureInfo.InvariantCulture) : "none", error.ErrorCode ?? error.SubCode ?? "none");
        return error.StatusCode switch
        {
            HttpStatusCode.Forbidden => (SendResult.Unreachable, detail),
            HttpStatusCode.TooManyRequests => (SendResult.Throttled, detail),
            _ when error.MayHaveBeenDelivered => (SendResult.Uncertain, detail),
            _ => (SendResult.Refused, detail),
        };
    }

    private static bool NeedsNewTeamsConversation(ConversationReference reference) =>
        string.Equals(reference.ChannelId, Channels.MsTeams, StringComparison.Ordinal)
        && (reference.Conversation?.Id is null
            || reference.Conversation.IsGroup == true
            || (reference.Conversation.ConversationType is { } type && !string.Equals(type, "personal", StringComparison.Ordinal)));

    private async Task<(SendResult, string?)> CreateTeamsConversationAsync(PatientRecord patient, ConversationReference reference, Func<ITurnContext, CancellationToken, Task> turn, CancellationToken ct)
    {
        var tenant = reference.Conversation?.TenantId;
        if (string.IsNullOrEmpty(tenant) || string.IsNullOrEmpty(reference.ServiceUrl) || reference.Bot is null)
        {
            return (SendResult.Refused, "no personal Teams conversation and no tenant, service URL or bot id to create one");
        }

        var user = reference.User ?? new ChannelAccount(patient.UserId);
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = reference.Bot,
            Members = [new ChannelAccount(user.Id ?? patient.UserId) { AadObjectId = user.AadObjectId }],
            TenantId = tenant,
            ChannelData = JsonSerializer.SerializeToElement(new { tenant = new { id = tenant } }),
        };
        var created = await _adapter.CreateConversationAsync(Channels.MsTeams, reference.ServiceUrl, parameters, turn, ct).ConfigureAwait(false);
        await _references.SaveAsync(patient.PatientId, new ConversationReference
        {
            ChannelId = Channels.MsTeams,
            ServiceUrl = created.ServiceUrl ?? reference.ServiceUrl,
            Conversation = new ConversationAccount(created.Id!) { TenantId = tenant, ConversationType = "personal", IsGroup = false },
            Bot = reference.Bot,
            User = user,
            Locale = reference.Locale,
        }, ct).ConfigureAwait(false);
        return (SendResult.Sent, "created the personal Teams conversation");
    }

    private async Task AcquireAsync(Activity activity, int count, CancellationToken ct)
    {
        var key = activity.ChannelId + "/" + activity.Conversation?.Id;
        var perConversation = Math.Min(count, SlidingWindowRateLimiter.TeamsPerConversation[0].Permits);
        await _perConversation.AcquireAsync(key, perConversation, ct).ConfigureAwait(false);
        if (_global is not null)
        {
            await _global.AcquireAsync("*", Math.Min(count, _options.GlobalSendsPerSecond), ct).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring a malformed due-index key {Key}.")]
    private partial void LogBadIndexKey(string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling due entry {Key} failed; it stays in the index and is retried.")]
    private partial void LogEntryFailed(Exception exception, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Patient {PatientId} has a schedule that cannot be used: {Problem}")]
    private partial void LogBadSchedule(string patientId, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduler state {Key} is not valid JSON ({Problem}); it is rebuilt.")]
    private partial void LogBadState(string key, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {SlotId} to patient {PatientId}.")]
    private partial void LogSent(string slotId, string patientId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slot {SlotId} of patient {PatientId} was not sent ({Detail}); trying again in {Delay}.")]
    private partial void LogBackingOff(string slotId, string patientId, string? detail, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slot {SlotId} of patient {PatientId} failed for good: {Detail}.")]
    private partial void LogGaveUp(string slotId, string patientId, string? detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slot {SlotId} of patient {PatientId}: instance {Owner} stopped while sending it; it may or may not have been delivered and is not sent again.")]
    private partial void LogUncertain(string slotId, string patientId, string? owner);

    [LoggerMessage(Level = LogLevel.Information, Message = "Raised a routine escalation {RuleId} for patient {PatientId}.")]
    private partial void LogEscalated(string patientId, string ruleId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The proactive turn for {SlotId} of patient {PatientId} failed before sending.")]
    private partial void LogTurnFailed(Exception exception, string slotId, string patientId);
}
