using CoachBot.Protocol.Schema;

namespace CoachBot.Protocol.Connector;

/// <summary>An outgoing activity that did not (certainly) reach the channel.</summary>
/// <param name="Activity">The activity as it was being sent.</param>
/// <param name="Error">Why; <see cref="ConnectorException.MayHaveBeenDelivered"/> tells whether it may still have arrived.</param>
/// <param name="At">When the failure was recorded.</param>
/// <param name="NotAttempted">True when it was never sent because an earlier activity of the same turn failed.</param>
public sealed record DeliveryFailure(Activity Activity, ConnectorException Error, DateTimeOffset At, bool NotAttempted = false);
