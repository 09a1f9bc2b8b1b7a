namespace CoachBot.Protocol.Connector;

/// <summary>The default <see cref="IDeliveryFailureRecorder"/>: keeps the most recent failures in memory.</summary>
public sealed class DeliveryFailureLog : IDeliveryFailureRecorder
{
    private const int Capacity = 1000;
    private readonly Queue<DeliveryFailure> _failures = new();
    private readonly Lock _gate = new();

    /// <summary>The recorded failures, oldest first.</summary>
    public IReadOnlyList<DeliveryFailure> Failures
    {
        get
        {
            lock (_gate)
            {
                return [.. _failures];
            }
        }
    }

    /// <inheritdoc />
    public void Record(DeliveryFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        lock (_gate)
        {
            if (_failures.Count == Capacity)
            {
                _failures.Dequeue();
            }

            _failures.Enqueue(failure);
        }
    }
}
