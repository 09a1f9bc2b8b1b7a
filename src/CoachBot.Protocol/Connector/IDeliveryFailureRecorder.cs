namespace CoachBot.Protocol.Connector;

/// <summary>Receives failed deliveries (so a durable store or the review page can surface them).</summary>
public interface IDeliveryFailureRecorder
{
    /// <summary>Records a failure; must not throw.</summary>
    void Record(DeliveryFailure failure);
}
