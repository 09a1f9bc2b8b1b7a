using System.Security.Claims;
using CoachBot.Protocol.Connector;
using CoachBot.Protocol.Schema;
using CoachBot.Storage;

namespace CoachBot.Protocol.Turns;

/// <summary>
/// The runtime's <see cref="ITurnContext"/>. Message replies are buffered while
/// <see cref="BufferReplies"/> is on (inside the state-commit step) and flushed after the commit.
/// </summary>
internal sealed class TurnContext : ITurnContext
{
    private readonly IActivityDelivery _delivery;
    private readonly bool _isProactive;
    private ConversationReference? _reference;
    private List<Activity>? _buffer;
    private List<Activity>? _updates;
    private Dictionary<string, StoreItem>? _staged;
    private SendActivitiesHandler[] _sendHandlers = [];
    private List<DeliveryFailure>? _failures;

    public TurnContext(IActivityDelivery delivery, Activity activity, ClaimsIdentity identity)
    {
        _delivery = delivery;
        Activity = activity;
        Identity = identity;
        _isProactive = activity.IsSynthesizedEvent();
    }

    public Activity Activity { get; }

    public ClaimsIdentity Identity { get; }

    public IDictionary<string, object> TurnState { get; } = new Dictionary<string, object>(StringComparer.Ordinal);

    public bool Responded { get; private set; }

    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>When true, message activities are queued until <see cref="FlushAsync"/>.</summary>
    public bool BufferReplies { get; set; }

    /// <summary>Record writes staged by the bot for this attempt.</summary>
    public IReadOnlyDictionary<string, StoreItem>? Staged => _staged;

    /// <summary>Deliveries that failed in this turn.</summary>
    public IReadOnlyList<DeliveryFailure> DeliveryFailures => _failures is null ? [] : _failures;

    /// <summary>Starts a (re-)run of the turn: forgets replies, staged writes and per-turn state of a previous attempt.</summary>
    public void BeginAttempt()
    {
        _buffer?.Clear();
        _updates?.Clear();
        _staged?.Clear();
        TurnState.Clear();
        Responded = false;
        InvokeResponse = null;
    }

    public void Stage(string key, StoreItem item)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(item);
        _staged ??= new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        _staged[key] = item;
    }

    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (TurnState)
        {
            _sendHandlers = [.. _sendHandlers, handler];
        }

        return this;
    }

    public Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activities);
        if (activities.Count == 0)
        {
            return Task.FromResult(Array.Empty<ResourceResponse>());
        }

        var reference = _reference ??= CreateReference();
        List<Activity>? immediate = null;
        var queued = 0;
        foreach (var activity in activities)
        {
            ArgumentNullException.ThrowIfNull(activity);
            activity.Type ??= ActivityTypes.Message;
            activity.ApplyConversationReference(reference);
            activity.Id = null;
            if (string.Equals(activity.Type, ActivityTypes.Trace, StringComparison.Ordinal)
                && !string.Equals(Activity.ChannelId, Channels.Emulator, StringComparison.Ordinal))
            {
                continue; // SDK behaviour: trace activities only reach the Emulator.
            }

            var isTyping = string.Equals(activity.Type, ActivityTypes.Typing, StringComparison.Ordinal);
            if (!isTyping)
            {
                Responded = true;
            }

            if (BufferReplies && !isTyping)
            {
                (_buffer ??= []).Add(activity);
                queued++;
            }
            else
            {
                (immediate ??= []).Add(activity);
            }
        }

        if (immediate is null)
        {
            return Task.FromResult(CreateUnknownResponses(queued));
        }

        return SendImmediateAsync(immediate, queued, cancellationToken);
    }

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentException.ThrowIfNullOrEmpty(activity.Id);
        var id = activity.Id;
        activity.Type ??= ActivityTypes.Message;
        activity.ApplyConversationReference(_reference ??= CreateReference());
        activity.Id = id;
        activity.ReplyToId = null;
        if (BufferReplies)
        {
            (_updates ??= []).Add(activity);
            return Task.FromResult(new ResourceResponse(id));
        }

        return _delivery.UpdateAsync(this, activity, cancellationToken);
    }

    /// <summary>Delivers the buffered replies, then the buffered updates (after the state commit).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_buffer is { Count: > 0 })
        {
            var pending = _buffer.ToArray();
            _buffer.Clear();
            await DeliverAsync(pending, cancellationToken).ConfigureAwait(false);
        }

        if (_updates is { Count: > 0 })
        {
            var updates = _updates.ToArray();
            _updates.Clear();
            foreach (var update in updates)
            {
                await _delivery.UpdateAsync(this, update, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public Task<ResourceResponse[]> DeliverAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var handlers = _sendHandlers;
        return handlers.Length == 0 ? _delivery.DeliverAsync(this, activities, cancellationToken) : RunHandlers(0);

        Task<ResourceResponse[]> RunHandlers(int index) =>
            index < handlers.Length
                ? handlers[index](this, activities, () => RunHandlers(index + 1))
                : _delivery.DeliverAsync(this, activities, cancellationToken);
    }

    public void RecordFailure(DeliveryFailure failure)
    {
        lock (TurnState)
        {
            (_failures ??= []).Add(failure);
        }
    }

    private static ResourceResponse[] CreateUnknownResponses(int count)
    {
        var responses = new ResourceResponse[count];
        for (var i = 0; i < count; i++)
        {
            responses[i] = new ResourceResponse();
        }

        return responses;
    }

    private async Task<ResourceResponse[]> SendImmediateAsync(List<Activity> immediate, int queued, CancellationToken cancellationToken)
    {
        var sent = await DeliverAsync(immediate, cancellationToken).ConfigureAwait(false);
        return queued == 0 ? sent : [.. sent, .. CreateUnknownResponses(queued)];
    }

    private ConversationReference CreateReference()
    {
        var reference = Activity.GetConversationReference();
        if (_isProactive)
        {
            // Proactive turns send to the conversation; they do not reply to the synthetic event.
            reference.ActivityId = null;
        }

        return reference;
    }
}
