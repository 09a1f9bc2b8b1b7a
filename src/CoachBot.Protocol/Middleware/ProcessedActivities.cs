namespace CoachBot.Protocol.Middleware;

/// <summary>Recently processed inbound activity ids, kept in conversation state for de-duplication.</summary>
internal sealed class ProcessedActivities
{
    public List<ProcessedActivity> Items { get; set; } = [];
}

/// <summary>One processed activity id and when it was processed.</summary>
internal sealed record ProcessedActivity(string Id, DateTimeOffset At);
