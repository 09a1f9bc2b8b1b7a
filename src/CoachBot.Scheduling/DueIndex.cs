using System.Globalization;
using System.Text.Json;
using CoachBot.Protocol.State;
using CoachBot.Records;
using CoachBot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Scheduling;

/// <summary>
/// The due index of docs/scheduling.md ("Finding due patients without reading every key"): one empty document per due
/// slot under <see cref="SchedulerKeys.DuePrefix"/>, keyed by due time, and each patient's scheduler state, which
/// remembers the entries written for them and the last check-in handled.
/// </summary>
internal sealed partial class DueIndex
{
    private const int MaxUpdateAttempts = 5;

    private readonly IStorage _storage;
    private readonly DocumentStore<PatientScheduleState> _states;
    private readonly SchedulerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public DueIndex(IStorage storage, IOptions<SchedulerOptions> options, TimeProvider time, ILogger<CheckInScheduler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _storage = storage;
        _states = new DocumentStore<PatientScheduleState>(storage, SchedulerKeys.PatientsCollection);
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>The entries due by <paramref name="now"/>, oldest first, at most <paramref name="limit"/>.</summary>
    public async Task<List<DueEntry>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken ct)
    {
        var entries = new List<DueEntry>();
        await foreach (var key in _storage.ListKeysAsync(SchedulerKeys.DuePrefix, ct).ConfigureAwait(false))
        {
            if (!SchedulerKeys.TryParseDueEntry(key, out var entry))
            {
                LogBadIndexKey(key);
                continue;
            }

            if (entry.Due > now || entries.Count >= limit)
            {
                break; // keys are in time order: nothing later is due
            }

            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>A patient's scheduler state, or null before their first indexed slot.</summary>
    public async Task<PatientScheduleState?> GetStateAsync(string patientId, CancellationToken ct) =>
        (await _states.GetAsync(patientId, ct).ConfigureAwait(false))?.Value;

    /// <summary>The states of many patients in one read; patients without one (or with a broken one) are left out.</summary>
    public async Task<Dictionary<string, PatientScheduleState>> ReadStatesAsync(IEnumerable<string> patientIds, CancellationToken ct)
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

    /// <summary>Changes a patient's scheduler state with its ETag (created if missing), re-reading on conflicts.</summary>
    public Task UpdateStateAsync(string patientId, Func<PatientScheduleState, PatientScheduleState> change, CancellationToken ct) =>
        _states.UpdateAsync(patientId, s => change(s ?? new PatientScheduleState { PatientId = patientId }), MaxUpdateAttempts, ct);

    /// <summary>False when the entry no longer matches the patient (schedule changed, "remind me later" cleared, newer check-in).</summary>
    public bool IsCurrent(DueEntry entry, PatientRecord patient, PatientScheduleState? state)
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
                    return CheckInSlots.OnDate(schedule, date, _options.QuietHours) is { } slot && slot.Due == entry.Due;
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

    /// <summary>Writes the missing entries for a patient: the next scheduled check-in and a pending "remind me later".</summary>
    public async Task<int> EnsureIndexedAsync(PatientRecord patient, PatientScheduleState? state, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var wanted = new List<(DateTimeOffset Due, string SlotId)>();
        if (NextCheckIn(patient, null, now, state?.LastHandledDue) is { } next)
        {
            wanted.Add(next);
        }

        if (patient.RemindLaterAt is { } at && patient.CheckInsActive && patient.Reachable)
        {
            wanted.Add((CheckInSlots.ApplyQuietHours(at, ZoneOf(patient), _options.QuietHours), SchedulerKeys.LaterSlot(at)));
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

    /// <summary>Indexes the reminder of a check-in sent at <paramref name="sentAt"/> (after quiet hours).</summary>
    public Task IndexReminderAsync(PatientRecord patient, string checkInSlotId, DateTimeOffset sentAt, CancellationToken ct)
    {
        var due = CheckInSlots.ApplyQuietHours(sentAt + _options.ReminderAfter, ZoneOf(patient), _options.QuietHours);
        return IndexAsync(patient.PatientId, [(due, SchedulerKeys.ReminderSlot(checkInSlotId))], ct);
    }

    /// <summary>Removes a handled entry from the index; after a scheduled check-in, indexes the next one first.</summary>
    public async Task FinishAsync(DueEntry entry, PatientRecord? patient, bool handled, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var added = new List<string>();
        if (entry.Kind == SlotKind.CheckIn && patient is not null && NextCheckIn(patient, handled ? entry.Due : null, now) is { } next)
        {
            added.Add(SchedulerKeys.DueEntry(next.Due, entry.PatientId, next.SlotId));
            await WriteEntriesAsync(added, ct).ConfigureAwait(false);
        }

        await UpdateStateAsync(
            entry.PatientId,
            current =>
            {
                var lastHandled = handled && entry.Kind == SlotKind.CheckIn && (current.LastHandledDue is null || current.LastHandledDue < entry.Due) ? entry.Due : current.LastHandledDue;
                return current with
                {
                    LastHandledDue = lastHandled,
                    Indexed = [.. current.Indexed.Where(k => !string.Equals(k, entry.Key, StringComparison.Ordinal)).Union(added, StringComparer.Ordinal)],
                };
            },
            ct).ConfigureAwait(false);
        await _storage.DeleteAsync([entry.Key], ct).ConfigureAwait(false);
    }

    private async Task IndexAsync(string patientId, IReadOnlyList<(DateTimeOffset Due, string SlotId)> slots, CancellationToken ct)
    {
        var keys = slots.Select(s => SchedulerKeys.DueEntry(s.Due, patientId, s.SlotId)).ToList();
        await WriteEntriesAsync(keys, ct).ConfigureAwait(false);
        await UpdateStateAsync(patientId, current => current with { Indexed = [.. current.Indexed.Union(keys, StringComparer.Ordinal)] }, ct).ConfigureAwait(false);
    }

    private async Task WriteEntriesAsync(IEnumerable<string> keys, CancellationToken ct) =>
        await _storage.WriteAsync(keys.ToDictionary(k => k, _ => new StoreItem("{}", "*"), StringComparer.Ordinal), ct).ConfigureAwait(false);

    private (DateTimeOffset Due, string SlotId)? NextCheckIn(PatientRecord patient, DateTimeOffset? handledDue, DateTimeOffset now, DateTimeOffset? lastHandled = null)
    {
        if (!(patient.Onboarded && patient.CheckInsActive && patient.Reachable && patient.Schedule is not null))
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
            return CheckInSlots.Next(patient.Schedule, after, _options.QuietHours) is { } slot ? (slot.Due, SchedulerKeys.CheckInSlot(slot.LocalDate)) : null;
        }
        catch (ScheduleException ex)
        {
            LogBadSchedule(patient.PatientId, ex.Message);
            return null;
        }
    }

    private static TimeZoneInfo ZoneOf(PatientRecord patient)
    {
        var id = patient.Schedule?.TimeZone ?? patient.TimeZone;
        return id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring a malformed due-index key {Key}.")]
    private partial void LogBadIndexKey(string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Patient {PatientId} has a schedule that cannot be used: {Problem}")]
    private partial void LogBadSchedule(string patientId, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduler state {Key} is not valid JSON ({Problem}); it is rebuilt.")]
    private partial void LogBadState(string key, string problem);
}
