using CoachBot.Records;
using CoachBot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Scheduling;

/// <summary>
/// The claim state machine of docs/scheduling.md ("Exactly once"): one create-only claim document per slot with a
/// lease, moved between states with its ETag, so a slot is dispatched by one instance only.
/// </summary>
internal sealed partial class SlotClaims
{
    private readonly DocumentStore<SlotClaim> _claims;
    private readonly SchedulerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public SlotClaims(IStorage storage, IOptions<SchedulerOptions> options, TimeProvider time, ILogger<CheckInScheduler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _claims = new DocumentStore<SlotClaim>(storage, SchedulerKeys.ClaimsCollection);
        _options = options.Value;
        _time = time;
        _logger = logger;
        InstanceId = Environment.MachineName + "/" + Guid.NewGuid().ToString("N")[..12];
    }

    /// <summary>This instance's id, written into the claims it owns.</summary>
    public string InstanceId { get; }

    /// <summary>Claims the slot: (owned claim, false), (null, true) when it is already final, (null, false) when busy.</summary>
    public async Task<(Versioned<SlotClaim>? Claim, bool Final)> ClaimAsync(DueEntry entry, CancellationToken ct)
    {
        var id = SchedulerKeys.ClaimId(entry.PatientId, entry.SlotId);
        var now = _time.GetUtcNow();
        var existing = await _claims.GetAsync(id, ct).ConfigureAwait(false);
        if (existing is null)
        {
            var claim = new SlotClaim
            {
                PatientId = entry.PatientId,
                SlotId = entry.SlotId,
                Due = entry.Due,
                State = ClaimState.Claimed,
                Owner = InstanceId,
                LeaseUntil = now + _options.ClaimLease,
                Attempts = 1,
            };
            try
            {
                var etag = await _claims.CreateAsync(id, claim, ct).ConfigureAwait(false);
                return (new Versioned<SlotClaim>(claim, etag), false);
            }
            catch (StorageConflictException)
            {
                return (null, false); // another instance claimed it first
            }
        }

        var current = existing.Value;
        if (current.IsFinal)
        {
            return (null, true);
        }

        if (current.State is ClaimState.Claimed or ClaimState.Sending && current.LeaseUntil > now)
        {
            return (null, false);
        }

        if (current.State == ClaimState.Pending && current.NotBefore > now)
        {
            return (null, false);
        }

        if (current.State == ClaimState.Sending)
        {
            // The owner died while calling the channel: it may have been delivered. Never send it again.
            var uncertain = await TransitionAsync(existing, current with { State = ClaimState.Uncertain, Detail = "the instance sending it stopped; it may or may not have been delivered" }, ct).ConfigureAwait(false);
            if (uncertain is not null)
            {
                LogUncertain(entry.SlotId, entry.PatientId, current.Owner);
            }

            return (null, uncertain is not null);
        }

        // Claimed with an expired lease (the owner died before sending) or Pending and due again: take it over.
        var taken = await TransitionAsync(existing, current with { State = ClaimState.Claimed, Owner = InstanceId, LeaseUntil = now + _options.ClaimLease, NotBefore = null, Attempts = current.Attempts + 1 }, ct).ConfigureAwait(false);
        return (taken, false);
    }

    /// <summary>Moves a claim to <paramref name="next"/> if nobody changed it since it was read; null if someone did.</summary>
    public async Task<Versioned<SlotClaim>?> TransitionAsync(Versioned<SlotClaim> current, SlotClaim next, CancellationToken ct)
    {
        try
        {
            var etag = await _claims.ReplaceAsync(SchedulerKeys.ClaimId(next.PatientId, next.SlotId), next, current.ETag, ct).ConfigureAwait(false);
            return new Versioned<SlotClaim>(next, etag);
        }
        catch (StorageConflictException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slot {SlotId} of patient {PatientId}: instance {Owner} stopped while sending it; it may or may not have been delivered and is not sent again.")]
    private partial void LogUncertain(string slotId, string patientId, string? owner);
}
