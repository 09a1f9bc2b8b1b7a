using CoachBot.Coaching.Policy;

namespace CoachBot.Records;

/// <summary>A coach's decision for a patient's next check-in, with who made it, when and why.</summary>
public sealed record DecisionOverride
{
    /// <summary>The decision to use instead of the coaching core's.</summary>
    public required Decision Decision { get; init; }

    /// <summary>The coach who made it (their login).</summary>
    public required string Coach { get; init; }

    /// <summary>Why (the coach's words).</summary>
    public required string Reason { get; init; }

    /// <summary>When it was made.</summary>
    public required DateTimeOffset At { get; init; }
}
