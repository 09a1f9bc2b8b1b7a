using CoachBot.Storage;

namespace CoachBot.Records;

/// <summary>Escalations for coaches (<c>escalations/{id}</c>).</summary>
public interface IEscalationRepository
{
    /// <summary>
    /// Stages an escalation into the turn's batch: a new one (no ETag) is created only; one read with
    /// <see cref="GetAsync"/> (with its ETag) replaces the stored one only if that is unchanged.
    /// </summary>
    void Stage(IUnitOfWork unitOfWork, EscalationRecord escalation);

    /// <summary>Creates an escalation now (outside a turn).</summary>
    Task<EscalationRecord> RaiseAsync(EscalationRecord escalation, CancellationToken cancellationToken = default);

    /// <summary>One escalation, or null.</summary>
    Task<EscalationRecord?> GetAsync(string escalationId, CancellationToken cancellationToken = default);

    /// <summary>Escalations, oldest first, optionally only those with a status and/or of one patient.</summary>
    Task<IReadOnlyList<EscalationRecord>> ListAsync(EscalationStatus? status = null, string? patientId = null, CancellationToken cancellationToken = default);

    /// <summary>Changes the status (acknowledged, resolved) and records who and when; ETag-checked.</summary>
    /// <exception cref="KeyNotFoundException">No escalation has this id.</exception>
    Task<EscalationRecord> UpdateStatusAsync(string escalationId, EscalationStatus status, string by, DateTimeOffset at, CancellationToken cancellationToken = default);
}
