using System.Globalization;
using CoachBot.Records;
using CoachBot.Storage;

namespace CoachBot.CoachReview.Audit;

/// <summary>
/// The append-only audit log of coach views and actions, over <see cref="AppendOnlyLog{T}"/>: one stream per UTC day
/// (<c>coach-audit/{yyyy-MM-dd}/{sequence}</c>), so a day reads back quickly and no entry is ever overwritten.
/// </summary>
public sealed class AuditLog
{
    /// <summary>The storage collection.</summary>
    public const string Collection = "coach-audit";

    private readonly AppendOnlyLog<AuditEntry> _log;
    private readonly TimeProvider _time;

    /// <summary>Creates the log over a store.</summary>
    public AuditLog(IStorage storage, TimeProvider time)
    {
        _log = new AppendOnlyLog<AuditEntry>(storage, Collection);
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Appends an entry stamped with the current time and returns it.</summary>
    public async Task<AuditEntry> RecordAsync(string coach, string action, string? patientId = null, string? escalationId = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(coach);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        var entry = new AuditEntry { At = _time.GetUtcNow(), Coach = coach, Action = action, PatientId = patientId, EscalationId = escalationId, Detail = detail };
        await _log.AppendAsync(StreamOf(DateOnly.FromDateTime(entry.At.UtcDateTime)), entry, cancellationToken).ConfigureAwait(false);
        return entry;
    }

    /// <summary>The entries of one UTC day, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadDayAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var entries = new List<AuditEntry>();
        await foreach (var entry in _log.ReadAsync(StreamOf(day), cancellationToken).ConfigureAwait(false))
        {
            entries.Add(entry.Value);
        }

        return entries;
    }

    private static string StreamOf(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
