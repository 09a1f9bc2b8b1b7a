using CoachBot.Protocol.Diagnostics;
using CoachBot.Records;
using CoachBot.Storage;

namespace CoachBot.Host.Telemetry;

/// <summary>Counts coaching decisions when their check-in is stored (once, after the turn commits).</summary>
internal sealed class MeteredCheckInRepository(ICheckInRepository inner, BotMetrics metrics) : ICheckInRepository
{
    public void Stage(IUnitOfWork unitOfWork, CheckInEntry entry)
    {
        ArgumentNullException.ThrowIfNull(unitOfWork);
        ArgumentNullException.ThrowIfNull(entry);
        inner.Stage(unitOfWork, entry);
        unitOfWork.OnCommitted(() => metrics.Decision(Name(entry)));
    }

    public async Task AppendAsync(CheckInEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await inner.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        metrics.Decision(Name(entry));
    }

    public Task<IReadOnlyList<CheckInEntry>> ListAsync(string patientId, CancellationToken cancellationToken = default) => inner.ListAsync(patientId, cancellationToken);

    private static string Name(CheckInEntry entry) => entry.Decision.ToString().ToLowerInvariant();
}

/// <summary>Counts escalations by level when they are stored (once, after the turn commits).</summary>
internal sealed class MeteredEscalationRepository(IEscalationRepository inner, BotMetrics metrics) : IEscalationRepository
{
    public void Stage(IUnitOfWork unitOfWork, EscalationRecord escalation)
    {
        ArgumentNullException.ThrowIfNull(unitOfWork);
        ArgumentNullException.ThrowIfNull(escalation);
        inner.Stage(unitOfWork, escalation);
        if (escalation.ETag is null)
        {
            // A new escalation; one with an ETag is an update (another escalation counted on it).
            unitOfWork.OnCommitted(() => metrics.Escalation(Level(escalation)));
        }
    }

    public async Task<EscalationRecord> RaiseAsync(EscalationRecord escalation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        var raised = await inner.RaiseAsync(escalation, cancellationToken).ConfigureAwait(false);
        metrics.Escalation(Level(escalation));
        return raised;
    }

    public Task<EscalationRecord?> GetAsync(string escalationId, CancellationToken cancellationToken = default) => inner.GetAsync(escalationId, cancellationToken);

    public Task<IReadOnlyList<EscalationRecord>> ListAsync(EscalationStatus? status = null, string? patientId = null, CancellationToken cancellationToken = default) =>
        inner.ListAsync(status, patientId, cancellationToken);

    public Task<EscalationRecord> UpdateStatusAsync(string escalationId, EscalationStatus status, string by, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        inner.UpdateStatusAsync(escalationId, status, by, at, cancellationToken);

    private static string Level(EscalationRecord escalation) => escalation.Level.ToString().ToLowerInvariant();
}
