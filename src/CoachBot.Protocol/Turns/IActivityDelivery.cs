using CoachBot.Protocol.Schema;

namespace CoachBot.Protocol.Turns;

/// <summary>Sends a turn's outgoing activities to the channel (the adapter's side of <see cref="TurnContext"/>).</summary>
internal interface IActivityDelivery
{
    Task<ResourceResponse[]> DeliverAsync(TurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    /// <summary>Replaces a sent activity; a failure is logged, not thrown.</summary>
    Task<ResourceResponse> UpdateAsync(TurnContext turnContext, Activity activity, CancellationToken cancellationToken);
}
