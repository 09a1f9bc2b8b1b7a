using CoachBot.Records;

namespace CoachBot.CoachReview.Queue;

/// <summary>Builds the queue: open and acknowledged escalations, emergency first, then urgent, then routine, newest first within a level.</summary>
public sealed class QueueBuilder(IEscalationRepository escalations, IPatientRepository patients, TimeProvider time, TimeZoneInfo zone)
{
    /// <summary>The queue as of now.</summary>
    public async Task<IReadOnlyList<QueueItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = await escalations.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var names = (await patients.ListAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(p => p.PatientId, p => p.Name, StringComparer.Ordinal);
        var now = time.GetUtcNow();
        return Order(all.Where(e => e.Status is EscalationStatus.Open or EscalationStatus.Acknowledged))
            .Select(e =>
            {
                var due = EscalationTargets.DueAt(e.Level, e.RaisedAt, zone);
                return new QueueItem(e, names.GetValueOrDefault(e.PatientId), due, now - e.RaisedAt, now > due);
            })
            .ToList();
    }

    /// <summary>The queue order: level (most serious first), then newest first, then id.</summary>
    public static IEnumerable<EscalationRecord> Order(IEnumerable<EscalationRecord> escalations) =>
        escalations
            .OrderByDescending(e => e.Level)
            .ThenByDescending(e => e.RaisedAt)
            .ThenByDescending(e => e.Id, StringComparer.Ordinal);
}
