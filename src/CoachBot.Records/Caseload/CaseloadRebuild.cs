using CoachBot.Storage;

namespace CoachBot.Records.Caseload;

/// <summary>
/// Builds the whole caseload read model again from the source records (patients, their check-ins, escalations and
/// assignments): for a store written before the read model existed, or after an index was lost. Reads every record,
/// so it is an admin operation, never a page view.
/// </summary>
public static class CaseloadRebuild
{
    /// <summary>Rebuilds every row and index document; returns how many patients were written.</summary>
    public static async Task<int> RunAsync(IStorage storage, CaseloadStore caseload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(caseload);
        var records = new RecordStore(storage);
        var checkIns = new CheckInRepository(records);
        var rows = new Dictionary<string, CaseloadRow>(StringComparer.Ordinal);
        foreach (var patient in await new PatientRepository(records).ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = CaseloadProjection.Apply(null, patient);
            foreach (var entry in await checkIns.ListAsync(patient.PatientId, cancellationToken).ConfigureAwait(false))
            {
                row = CaseloadProjection.Apply(row, entry);
            }

            var assignment = await caseload.AssignmentAsync(patient.PatientId, cancellationToken).ConfigureAwait(false);
            rows[patient.PatientId] = CaseloadProjection.Apply(row, patient.PatientId, assignment, patient.CreatedAt);
        }

        foreach (var escalation in await new EscalationRepository(records).ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (rows.TryGetValue(escalation.PatientId, out var row))
            {
                rows[escalation.PatientId] = CaseloadProjection.Apply(row, escalation);
            }
        }

        // Index documents left from before (a coach who no longer has patients) are emptied first.
        foreach (var owner in await caseload.OwnersAsync(cancellationToken).ConfigureAwait(false))
        {
            await storage.DeleteAsync([.. CaseloadKeys.IndexDocuments(owner)], cancellationToken).ConfigureAwait(false);
        }

        await caseload.WriteAllAsync(rows.Values, cancellationToken).ConfigureAwait(false);
        return rows.Count;
    }
}
