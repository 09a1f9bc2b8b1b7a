namespace CoachBot.CoachReview.Actions;

/// <summary>The coach's note on a resolved escalation (<c>coach-notes/{escalationId}</c>).</summary>
public sealed record ResolutionNote
{
    /// <summary>The escalation.</summary>
    public required string EscalationId { get; init; }

    /// <summary>The patient.</summary>
    public required string PatientId { get; init; }

    /// <summary>The coach's words.</summary>
    public required string Note { get; init; }

    /// <summary>Who wrote it.</summary>
    public required string Coach { get; init; }

    /// <summary>When.</summary>
    public required DateTimeOffset At { get; init; }
}
