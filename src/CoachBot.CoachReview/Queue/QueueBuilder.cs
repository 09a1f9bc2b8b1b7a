using CoachBot.Records;
using CoachBot.Records.Caseload;

namespace CoachBot.CoachReview.Queue;

/// <summary>
/// Builds the queue: open and acknowledged escalations, emergency first, then urgent, then routine, newest first within
/// a level. Which escalations are open comes from the caseload read model's index documents; only those escalation
/// records are read, never every escalation or every patient.
/// </summary>
public sealed class QueueBuilder(CaseloadStore caseload, IEscalationRepository escalations, TimeProvider time, TimeZoneInfo zone)
{
    /// <summary>The queue as of now.</summary>
    public async Task<IReadOnlyList<QueueItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await caseload.RowsAsync(null, cancellationToken).ConfigureAwait(false);
        var open = new List<(EscalationRecord Escalation, string? Name)>();
        foreach (var row in rows)
        {
            foreach (var point in row.Escalations.Where(e => e.Open && !e.IsClearance))
            {
                // The record is the truth for the status (the index may trail it by a moment).
                if (await escalations.GetAsync(point.Id, cancellationToken).ConfigureAwait(false) is { Status: EscalationStatus.Open or EscalationStatus.Acknowledged } escalation)
                {
                    open.Add((escalation, row.Name));
                }
            }
        }

        var names = open.ToDictionary(o => o.Escalation.Id, o => o.Name, StringComparer.Ordinal);
        var now = time.GetUtcNow();
        return Order(open.Select(o => o.Escalation))
            .Select(e =>
            {
                var due = EscalationTargets.DueAt(e.Level, e.RaisedAt, zone);
                return new QueueItem(e, names[e.Id], due, now - e.RaisedAt, now > due);
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
