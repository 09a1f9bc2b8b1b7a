using CoachBot.Protocol.Connector;
using CoachBot.Protocol.Schema;

namespace CoachBot.Testing;

/// <summary>An in-memory <see cref="IConnectorClient"/> that records everything the bot sends.</summary>
public sealed class RecordingConnectorClient : IConnectorClient
{
    private readonly Lock _gate = new();
    private readonly List<Activity> _sent = [];
    private readonly Queue<Activity> _unread = new();
    private readonly List<(Func<Activity, bool> Match, TaskCompletionSource Signal)> _waiters = [];
    private int _nextId;

    /// <summary>Every activity sent, typing included, in order.</summary>
    public IReadOnlyList<Activity> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    /// <summary>Every update (PUT of a sent activity), in order.</summary>
    public List<Activity> Updates { get; } = [];

    /// <summary>When set, an update throws it (to simulate a channel refusing the update).</summary>
    public Func<Activity, ConnectorException?>? FailUpdateWith { get; set; }

    /// <summary>Conversations created.</summary>
    public List<ConversationParameters> CreatedConversations { get; } = [];

    /// <summary>When set, a send throws it (to simulate channel failures).</summary>
    public Func<Activity, ConnectorException?>? FailWith { get; set; }

    /// <summary>When set, a send first awaits it with the send's cancellation token (a slow channel); then the send is recorded.</summary>
    public Func<Activity, CancellationToken, Task>? BeforeSend { get; set; }

    /// <summary>Takes the next unread message (typing skipped), or null.</summary>
    public Activity? TakeNextReply()
    {
        lock (_gate)
        {
            while (_unread.TryDequeue(out var activity))
            {
                if (!string.Equals(activity.Type, ActivityTypes.Typing, StringComparison.Ordinal))
                {
                    return activity;
                }
            }

            return null;
        }
    }

    /// <summary>Unread messages (typing skipped) without taking them.</summary>
    public IReadOnlyList<Activity> PeekUnread()
    {
        lock (_gate)
        {
            return _unread.Where(a => !string.Equals(a.Type, ActivityTypes.Typing, StringComparison.Ordinal)).ToList();
        }
    }

    /// <summary>Completes when an activity matching <paramref name="match"/> has been sent.</summary>
    public Task WaitForAsync(Func<Activity, bool> match, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_sent.Any(match))
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, signal));
            return signal.Task.WaitAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return BeforeSend is { } wait ? SendAfterAsync(wait, activity, cancellationToken) : Task.FromResult(Record(activity));
    }

    private async Task<ResourceResponse> SendAfterAsync(Func<Activity, CancellationToken, Task> wait, Activity activity, CancellationToken cancellationToken)
    {
        await wait(activity, cancellationToken).ConfigureAwait(false);
        return Record(activity);
    }

    private ResourceResponse Record(Activity activity)
    {
        if (FailWith?.Invoke(activity) is { } failure)
        {
            throw failure;
        }

        List<TaskCompletionSource>? release = null;
        string id;
        lock (_gate)
        {
            id = "reply-" + (++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _sent.Add(activity);
            _unread.Enqueue(activity);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(activity))
                {
                    (release ??= []).Add(_waiters[i].Signal);
                    _waiters.RemoveAt(i);
                }
            }
        }

        release?.ForEach(s => s.TrySetResult());
        return new ResourceResponse(id);
    }

    /// <inheritdoc />
    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (FailUpdateWith?.Invoke(activity) is { } failure)
        {
            throw failure;
        }

        lock (_gate)
        {
            Updates.Add(activity);
        }

        return Task.FromResult(new ResourceResponse(activity.Id));
    }

    /// <inheritdoc />
    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            CreatedConversations.Add(parameters);
            return Task.FromResult(new ConversationResourceResponse { Id = "created-" + CreatedConversations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), ServiceUrl = serviceUrl });
        }
    }
}
