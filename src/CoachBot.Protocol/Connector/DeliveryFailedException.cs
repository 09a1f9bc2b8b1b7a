namespace CoachBot.Protocol.Connector;

/// <summary>Thrown by proactive calls when the turn ran and its state was committed but a reply was not delivered.</summary>
public sealed class DeliveryFailedException : Exception
{
    public DeliveryFailedException()
        : this("An outgoing activity was not delivered.")
    {
    }

    public DeliveryFailedException(string message)
        : base(message)
    {
    }

    public DeliveryFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The failed deliveries, in send order.</summary>
    public IReadOnlyList<DeliveryFailure> Failures { get; init; } = [];
}
