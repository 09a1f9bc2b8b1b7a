using CoachBot.Storage;

namespace CoachBot.Records;

/// <summary>The <see cref="IPatientRepository"/> over <see cref="RecordStore"/>.</summary>
internal sealed class PatientRepository(RecordStore store) : IPatientRepository
{
    public async Task<PatientRecord?> GetAsync(string patientId, IUnitOfWork? unitOfWork = null, CancellationToken cancellationToken = default)
    {
        var (value, etag) = await store.ReadAsync<PatientRecord>(RecordKeys.Patient(patientId), unitOfWork, cancellationToken).ConfigureAwait(false);
        return value is null ? null : value with { ETag = etag };
    }

    public void Stage(IUnitOfWork unitOfWork, PatientRecord patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        store.Stage(unitOfWork, RecordKeys.Patient(patient.PatientId), patient, patient.ETag);
    }

    public async Task<PatientRecord> SaveAsync(PatientRecord patient, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var etag = await store.WriteAsync(RecordKeys.Patient(patient.PatientId), patient, patient.ETag, cancellationToken).ConfigureAwait(false);
        return patient with { ETag = etag };
    }

    public async Task<IReadOnlyList<PatientRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        var keys = await store.ListKeyListAsync(RecordKeys.PatientsPrefix, cancellationToken).ConfigureAwait(false);
        var items = await store.ReadManyAsync<PatientRecord>(keys, cancellationToken).ConfigureAwait(false);
        return [.. items.Select(i => i.Value with { ETag = i.ETag })];
    }
}
