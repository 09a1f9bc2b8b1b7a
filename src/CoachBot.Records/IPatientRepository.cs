using CoachBot.Storage;

namespace CoachBot.Records;

/// <summary>Patient records (<c>patients/{id}</c>), with ETags.</summary>
public interface IPatientRepository
{
    /// <summary>The patient, or null. Inside a turn, pass it so that records staged earlier in the turn are seen.</summary>
    Task<PatientRecord?> GetAsync(string patientId, IUnitOfWork? unitOfWork = null, CancellationToken cancellationToken = default);

    /// <summary>Stages the record into the turn's end-of-turn batch (written only if its ETag still matches).</summary>
    void Stage(IUnitOfWork unitOfWork, PatientRecord patient);

    /// <summary>Writes now (outside a turn); throws <c>StorageConflictException</c> if the record changed since it was read.</summary>
    Task<PatientRecord> SaveAsync(PatientRecord patient, CancellationToken cancellationToken = default);

    /// <summary>Every patient, in id order.</summary>
    Task<IReadOnlyList<PatientRecord>> ListAsync(CancellationToken cancellationToken = default);
}
