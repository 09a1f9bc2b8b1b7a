using CoachBot.Storage;

namespace CoachBot.Records;

/// <summary>The <see cref="ICheckInRepository"/> over <see cref="RecordStore"/>.</summary>
internal sealed class CheckInRepository(RecordStore store) : ICheckInRepository
{
    public void Stage(IUnitOfWork unitOfWork, CheckInEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        store.Stage(unitOfWork, RecordKeys.CheckIn(entry.PatientId, entry.Sequence), entry, etag: null);
    }

    public Task AppendAsync(CheckInEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return store.WriteAsync(RecordKeys.CheckIn(entry.PatientId, entry.Sequence), entry, etag: null, cancellationToken);
    }

    public async Task<IReadOnlyList<CheckInEntry>> ListAsync(string patientId, CancellationToken cancellationToken = default)
    {
        var keys = await store.ListKeyListAsync(RecordKeys.CheckInsOf(patientId), cancellationToken).ConfigureAwait(false);
        var items = await store.ReadManyAsync<CheckInEntry>(keys, cancellationToken).ConfigureAwait(false);
        return [.. items.Select(i => i.Value).OrderBy(e => e.Sequence)];
    }
}
