namespace CoachBot.CoachReview.Teams;

/// <summary>The claim that an escalation was posted to the coaches' channel (<c>coach-channel-posts/{escalationId}</c>).</summary>
public sealed record ChannelPost
{
    /// <summary>The escalation.</summary>
    public required string EscalationId { get; init; }

    /// <summary>When it was posted.</summary>
    public required DateTimeOffset PostedAt { get; init; }
}
