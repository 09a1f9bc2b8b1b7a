using System.Globalization;
using CoachBot.Storage;

namespace CoachBot.Records;

/// <summary>The <see cref="IEscalationRepository"/> over <see cref="RecordStore"/>.</summary>
internal sealed class EscalationRepository(RecordStore store) : IEscalationRepository
{
    public void Stage(IUnitOfWork unitOfWork, EscalationRecord escalation)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        // A new record (no ETag) is created only; one read from the store is replaced only if nobody changed it since.
        store.Stage(unitOfWork, RecordKeys.Escalation(escalation.Id), escalation with { ETag = null }, etag: escalation.ETag);
    }

    public async Task<EscalationRecord> RaiseAsync(EscalationRecord escalation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        var etag = await store.WriteAsync(RecordKeys.Escalation(escalation.Id), escalation, etag: null, cancellationToken).ConfigureAwait(false);
        return escalation with { ETag = etag };
    }

    public async Task<EscalationRecord?> GetAsync(string escalationId, CancellationToken cancellationToken = default)
    {
        var (value, etag) = await store.ReadAsync<EscalationRecord>(RecordKeys.Escalation(escalationId), null, cancellationToken).ConfigureAwait(false);
        return value is null ? null : value with { ETag = etag };
    }

    public async Task<IReadOnlyList<EscalationRecord>> ListAsync(EscalationStatus? status = null, string? patientId = null, CancellationToken cancellationToken = default)
    {
        var keys = await store.ListKeyListAsync(RecordKeys.EscalationsPrefix, cancellationToken).ConfigureAwait(false);
        var items = await store.ReadManyAsync<EscalationRecord>(keys, cancellationToken).ConfigureAwait(false);
        return [.. items
            .Select(i => i.Value with { ETag = i.ETag })
            .Where(e => status is null || e.Status == status)
            .Where(e => patientId is null || string.Equals(e.PatientId, patientId, StringComparison.Ordinal))
            .OrderBy(e => e.RaisedAt)
            .ThenBy(e => e.Id, StringComparer.Ordinal)];
    }

    public async Task<EscalationRecord> UpdateStatusAsync(string escalationId, EscalationStatus status, string by, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var current = await GetAsync(escalationId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException(string.Format(CultureInfo.InvariantCulture, "No escalation has the id '{0}'.", escalationId));
        var updated = current with { Status = status, StatusBy = by, StatusAt = at };
        var etag = await store.WriteAsync(RecordKeys.Escalation(escalationId), updated, current.ETag, cancellationToken).ConfigureAwait(false);
        return updated with { ETag = etag };
    }
}
