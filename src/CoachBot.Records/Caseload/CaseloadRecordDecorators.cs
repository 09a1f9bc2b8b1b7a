using CoachBot.Storage;

namespace CoachBot.Records.Caseload;

/// <summary>Keeps the caseload read model when patient records are written: staged ones after their turn commits.</summary>
internal sealed class CaseloadPatientRepository(IPatientRepository inner, CaseloadUpdates updates) : IPatientRepository
{
    public Task<PatientRecord?> GetAsync(string patientId, IUnitOfWork? unitOfWork = null, CancellationToken cancellationToken = default) =>
        inner.GetAsync(patientId, unitOfWork, cancellationToken);

    public void Stage(IUnitOfWork unitOfWork, PatientRecord patient)
    {
        inner.Stage(unitOfWork, patient);
        CaseloadStaging.Latest(unitOfWork, updates, "patient:" + patient.PatientId, (store, token) => store.ApplyAsync(patient, token));
    }

    public async Task<PatientRecord> SaveAsync(PatientRecord patient, CancellationToken cancellationToken = default)
    {
        var saved = await inner.SaveAsync(patient, cancellationToken).ConfigureAwait(false);
        await updates.ApplyNowAsync((store, token) => store.ApplyAsync(saved, token), cancellationToken).ConfigureAwait(false);
        return saved;
    }

    public Task<IReadOnlyList<PatientRecord>> ListAsync(CancellationToken cancellationToken = default) => inner.ListAsync(cancellationToken);
}

/// <summary>Keeps the caseload read model when check-ins are recorded.</summary>
internal sealed class CaseloadCheckInRepository(ICheckInRepository inner, CaseloadUpdates updates) : ICheckInRepository
{
    public void Stage(IUnitOfWork unitOfWork, CheckInEntry entry)
    {
        inner.Stage(unitOfWork, entry);
        CaseloadStaging.Latest(unitOfWork, updates, "checkin:" + entry.PatientId + "/" + entry.Sequence, (store, token) => store.ApplyAsync(entry, token));
    }

    public async Task AppendAsync(CheckInEntry entry, CancellationToken cancellationToken = default)
    {
        await inner.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        await updates.ApplyNowAsync((store, token) => store.ApplyAsync(entry, token), cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<CheckInEntry>> ListAsync(string patientId, CancellationToken cancellationToken = default) => inner.ListAsync(patientId, cancellationToken);
}

/// <summary>Keeps the caseload read model when escalations and notes are raised or change status.</summary>
internal sealed class CaseloadEscalationRepository(IEscalationRepository inner, CaseloadUpdates updates) : IEscalationRepository
{
    public void Stage(IUnitOfWork unitOfWork, EscalationRecord escalation)
    {
        inner.Stage(unitOfWork, escalation);
        CaseloadStaging.Latest(unitOfWork, updates, "escalation:" + escalation.Id, (store, token) => store.ApplyAsync(escalation, token));
    }

    public async Task<EscalationRecord> RaiseAsync(EscalationRecord escalation, CancellationToken cancellationToken = default)
    {
        var raised = await inner.RaiseAsync(escalation, cancellationToken).ConfigureAwait(false);
        await updates.ApplyNowAsync((store, token) => store.ApplyAsync(raised, token), cancellationToken).ConfigureAwait(false);
        return raised;
    }

    public Task<EscalationRecord?> GetAsync(string escalationId, CancellationToken cancellationToken = default) => inner.GetAsync(escalationId, cancellationToken);

    public Task<IReadOnlyList<EscalationRecord>> ListAsync(EscalationStatus? status = null, string? patientId = null, CancellationToken cancellationToken = default) =>
        inner.ListAsync(status, patientId, cancellationToken);

    public async Task<EscalationRecord> UpdateStatusAsync(string escalationId, EscalationStatus status, string by, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var updated = await inner.UpdateStatusAsync(escalationId, status, by, at, cancellationToken).ConfigureAwait(false);
        await updates.ApplyNowAsync((store, token) => store.ApplyAsync(updated, token), cancellationToken).ConfigureAwait(false);
        return updated;
    }
}

/// <summary>Queues the last staged version of each record once its turn commits.</summary>
internal static class CaseloadStaging
{
    public static void Latest(IUnitOfWork unitOfWork, CaseloadUpdates updates, string name, Func<CaseloadStore, CancellationToken, Task<CaseloadRow>> change)
    {
        ArgumentNullException.ThrowIfNull(unitOfWork);
        var key = "Caseload:" + name;
        var first = !unitOfWork.Items.ContainsKey(key);
        unitOfWork.Items[key] = change;
        if (first)
        {
            unitOfWork.OnCommitted(() =>
            {
                if (unitOfWork.Items.TryGetValue(key, out var latest) && latest is Func<CaseloadStore, CancellationToken, Task<CaseloadRow>> apply)
                {
                    updates.Enqueue(apply);
                }
            });
        }
    }
}
