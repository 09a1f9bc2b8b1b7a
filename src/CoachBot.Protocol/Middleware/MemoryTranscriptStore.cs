using CoachBot.Protocol.Schema;

namespace CoachBot.Protocol.Middleware;

/// <summary>An in-memory <see cref="ITranscriptLogger"/> for tests and development.</summary>
public sealed class MemoryTranscriptStore : ITranscriptLogger
{
    private readonly List<Activity> _activities = [];
    private readonly Lock _gate = new();

    /// <summary>Every logged activity, in logging order.</summary>
    public IReadOnlyList<Activity> Activities
    {
        get
        {
            lock (_gate)
            {
                return [.. _activities];
            }
        }
    }

    /// <summary>The activities of one conversation, in logging order.</summary>
    public IReadOnlyList<Activity> GetConversation(string channelId, string conversationId)
    {
        lock (_gate)
        {
            return _activities
                .Where(a => string.Equals(a.ChannelId, channelId, StringComparison.Ordinal) && string.Equals(a.Conversation?.Id, conversationId, StringComparison.Ordinal))
                .ToList();
        }
    }

    /// <inheritdoc />
    public Task LogActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        lock (_gate)
        {
            _activities.Add(activity);
        }

        return Task.CompletedTask;
    }
}
