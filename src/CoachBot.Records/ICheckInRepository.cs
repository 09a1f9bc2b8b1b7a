using CoachBot.Storage;

namespace CoachBot.Records;

/// <summary>Recorded check-ins (<c>checkins/{patientId}/{seq:D10}</c>), append-only: an existing entry is never overwritten.</summary>
public interface ICheckInRepository
{
    /// <summary>Stages a new entry into the turn's batch (create-only).</summary>
    void Stage(IUnitOfWork unitOfWork, CheckInEntry entry);

    /// <summary>Appends now (outside a turn); throws <c>StorageConflictException</c> when the sequence number is taken.</summary>
    Task AppendAsync(CheckInEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The patient's check-ins, oldest first.</summary>
    Task<IReadOnlyList<CheckInEntry>> ListAsync(string patientId, CancellationToken cancellationToken = default);
}
