using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CoachBot.Channels.DirectLine;

/// <summary>
/// The in-memory conversations: bounded in number (<see cref="DirectLineOptions.MaxConversations"/>) and
/// forgotten after <see cref="DirectLineOptions.ConversationIdleTimeout"/> without traffic.
/// </summary>
internal sealed class DirectLineConversationStore(IOptions<DirectLineOptions> options, TimeProvider time)
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, DirectLineConversation> _items = new(StringComparer.Ordinal);
    private readonly DirectLineOptions _options = options.Value;
    private readonly Lock _createGate = new();
    private DateTimeOffset _nextSweep;

    public int Count => _items.Count;

    /// <summary>A new unguessable conversation id.</summary>
    public static string NewConversationId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>Finds a live conversation (and marks it active); expired ones are forgotten.</summary>
    public DirectLineConversation? Find(string conversationId)
    {
        if (!_items.TryGetValue(conversationId, out var conversation))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (IsExpired(conversation, now))
        {
            Forget(conversation);
            return null;
        }

        conversation.Touch(now);
        return conversation;
    }

    /// <summary>
    /// Returns the conversation with this id, creating it when missing. <paramref name="created"/> tells which.
    /// Throws <see cref="DirectLineStoreFullException"/> when the store is full even after removing idle ones.
    /// </summary>
    public DirectLineConversation GetOrCreate(string conversationId, string? userId, out bool created)
    {
        var existing = Find(conversationId);
        if (existing is not null)
        {
            created = false;
            return existing;
        }

        lock (_createGate)
        {
            if (_items.TryGetValue(conversationId, out existing))
            {
                created = false;
                return existing;
            }

            var now = time.GetUtcNow();
            if (now >= _nextSweep || _items.Count >= _options.MaxConversations)
            {
                Sweep(now);
            }

            if (_items.Count >= _options.MaxConversations)
            {
                throw new DirectLineStoreFullException();
            }

            var conversation = new DirectLineConversation(conversationId, userId, _options.MaxActivitiesPerConversation, now);
            _items[conversationId] = conversation;
            created = true;
            return conversation;
        }
    }

    /// <summary>Forgets every conversation idle for longer than the timeout.</summary>
    public void Sweep(DateTimeOffset now)
    {
        _nextSweep = now + SweepInterval;
        foreach (var conversation in _items.Values)
        {
            if (IsExpired(conversation, now))
            {
                Forget(conversation);
            }
        }
    }

    private bool IsExpired(DirectLineConversation conversation, DateTimeOffset now) =>
        now - conversation.LastActive > _options.ConversationIdleTimeout;

    private void Forget(DirectLineConversation conversation)
    {
        if (_items.TryRemove(new KeyValuePair<string, DirectLineConversation>(conversation.Id, conversation)))
        {
            conversation.CloseStreams();
        }
    }
}

/// <summary>The conversation store is at its configured size.</summary>
internal sealed class DirectLineStoreFullException : Exception
{
    public DirectLineStoreFullException()
        : base("Too many open conversations; try again later.")
    {
    }

    public DirectLineStoreFullException(string message)
        : base(message)
    {
    }

    public DirectLineStoreFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
