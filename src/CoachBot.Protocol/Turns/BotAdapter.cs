using ActivityKind = System.Diagnostics.ActivityKind;
using ActivityStatusCode = System.Diagnostics.ActivityStatusCode;
using System.Security.Claims;
using CoachBot.Protocol.Connector;
using CoachBot.Protocol.Diagnostics;
using CoachBot.Protocol.Schema;
using Microsoft.Extensions.Logging;

namespace CoachBot.Protocol.Turns;

/// <summary>
/// Runs turns: inbound activities from POST /api/messages (as the <see cref="IActivityProcessor"/>),
/// proactive continuations and new conversations, all through the same middleware pipeline, state
/// commit and per-conversation ordering. Delivers replies through <see cref="IConnectorClient"/>.
/// </summary>
public sealed class BotAdapter : IActivityProcessor, IActivityDelivery
{
    private readonly IBot? _bot;
    private readonly IConnectorClient _connector;
    private readonly IMiddleware[] _middleware;
    private readonly IDeliveryFailureRecorder _failures;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly BotMetrics? _metrics;

    internal BotAdapter(IBot? bot, IConnectorClient connector, IEnumerable<IMiddleware> middleware, IDeliveryFailureRecorder failures, TimeProvider timeProvider, ILogger<BotAdapter> logger, BotMetrics? metrics = null)
    {
        _metrics = metrics;
        _bot = bot;
        _connector = connector;
        _middleware = [.. middleware];
        _failures = failures;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Runs the inbound activity as a turn of the registered <see cref="IBot"/>; returns the invoke response for invokes.</summary>
    public async Task<InvokeResponse?> ProcessActivityAsync(Activity activity, ClaimsIdentity identity, CancellationToken cancellationToken = default)
    {
        var bot = _bot ?? throw new InvalidOperationException("No IBot is registered; use AddBotRuntime<TBot>().");
        return await ProcessActivityAsync(activity, identity, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the inbound activity as a turn of <paramref name="callback"/> instead of the registered bot.</summary>
    public async Task<InvokeResponse?> ProcessActivityAsync(Activity activity, ClaimsIdentity identity, Func<ITurnContext, CancellationToken, Task> callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(callback);
        if (!ActivityExtensions.IsKnownActivityType(activity.Type))
        {
            // Spec A2014: unknown activity types are ignored.
            _logger.LogDebug("Ignoring activity of unknown type {Type}.", LogText.Clean(activity.Type));
            return null;
        }

        var context = new TurnContext(this, activity, identity);
        await RunMeasuredAsync(context, callback, "coachbot.turn", cancellationToken).ConfigureAwait(false);
        if (context.DeliveryFailures.Count > 0)
        {
            _logger.LogWarning("{Count} outgoing activities of turn {Id} were not delivered.", context.DeliveryFailures.Count, LogText.Clean(activity.Id));
        }

        return activity.IsInvoke() ? context.InvokeResponse : null;
    }

    /// <summary>
    /// Continues a conversation proactively: runs an <c>event</c> named <c>ContinueConversation</c> through
    /// the pipeline (state, ordering) with <paramref name="callback"/> as the turn handler. Replies are sent to
    /// the conversation (not as replies). Throws <see cref="DeliveryFailedException"/> if a reply was not
    /// delivered (state is committed by then), and rethrows a failure of the callback.
    /// </summary>
    public async Task ContinueConversationAsync(ConversationReference reference, Func<ITurnContext, CancellationToken, Task> callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(callback);
        var activity = CreateEventActivity(reference, ActivityEventNames.ContinueConversation);
        await RunProactiveAsync(activity, callback, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Creates a conversation (<c>POST v3/conversations</c>) and, when <paramref name="callback"/> is given,
    /// runs a <c>CreateConversation</c> event turn in it.
    /// </summary>
    public async Task<ConversationResourceResponse> CreateConversationAsync(string channelId, string serviceUrl, ConversationParameters parameters, Func<ITurnContext, CancellationToken, Task>? callback = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        ArgumentNullException.ThrowIfNull(parameters);
        var created = await _connector.CreateConversationAsync(serviceUrl, parameters, cancellationToken).ConfigureAwait(false);
        if (callback is not null)
        {
            if (string.IsNullOrEmpty(created.Id))
            {
                throw new ConnectorException("CreateConversation returned no conversation id.");
            }

            var reference = new ConversationReference
            {
                ChannelId = channelId,
                ServiceUrl = created.ServiceUrl ?? serviceUrl,
                Conversation = new ConversationAccount(created.Id) { TenantId = parameters.TenantId, IsGroup = parameters.IsGroup },
                Bot = parameters.Bot,
                User = parameters.Members is { Count: 1 } members ? members[0] : null,
            };
            var activity = CreateEventActivity(reference, ActivityEventNames.CreateConversation);
            await RunProactiveAsync(activity, callback, cancellationToken).ConfigureAwait(false);
        }

        return created;
    }

    async Task<ResourceResponse[]> IActivityDelivery.DeliverAsync(TurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Count];
        ConnectorException? failed = null;
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            var isTyping = string.Equals(activity.Type, ActivityTypes.Typing, StringComparison.Ordinal);
            if (failed is not null && !isTyping)
            {
                Record(turnContext, new DeliveryFailure(activity, failed, _timeProvider.GetUtcNow(), NotAttempted: true));
                _metrics?.Delivery("not_attempted");
                responses[i] = new ResourceResponse();
                continue;
            }

            try
            {
                responses[i] = await _connector.SendActivityAsync(activity, cancellationToken).ConfigureAwait(false);
                if (!isTyping)
                {
                    _metrics?.Delivery("sent");
                }
            }
            catch (ConnectorException ex) when (isTyping)
            {
                _logger.LogDebug(ex, "Typing indicator not delivered.");
                responses[i] = new ResourceResponse();
            }
            catch (ConnectorException ex)
            {
                failed = ex;
                _logger.LogWarning(ex, "Delivery to {ChannelId} conversation {ConversationId} failed (status {Status}, code {Code}, may have been delivered: {Maybe}).", LogText.Clean(activity.ChannelId), LogText.Clean(activity.Conversation?.Id), (int?)ex.StatusCode, ex.ErrorCode, ex.MayHaveBeenDelivered);
                Record(turnContext, new DeliveryFailure(activity, ex, _timeProvider.GetUtcNow()));
                _metrics?.Delivery("failed");
                responses[i] = new ResourceResponse();
            }
        }

        return responses;
    }

    async Task<ResourceResponse> IActivityDelivery.UpdateAsync(TurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _connector.UpdateActivityAsync(activity, cancellationToken).ConfigureAwait(false);
            _metrics?.Delivery("updated");
            return response;
        }
        catch (ConnectorException ex)
        {
            // The replaced activity stays as it was; the turn's answers and replies are not affected.
            _logger.LogWarning(ex, "Update of activity {ActivityId} in {ChannelId} conversation {ConversationId} failed (status {Status}, code {Code}).", LogText.Clean(activity.Id), LogText.Clean(activity.ChannelId), LogText.Clean(activity.Conversation?.Id), (int?)ex.StatusCode, ex.ErrorCode);
            _metrics?.Delivery("update_failed");
            return new ResourceResponse();
        }
    }

    private void Record(TurnContext turnContext, DeliveryFailure failure)
    {
        turnContext.RecordFailure(failure);
        try
        {
            _failures.Record(failure);
        }
#pragma warning disable CA1031 // A failing recorder must not break delivery of the rest.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogError(ex, "The delivery failure recorder threw.");
        }
    }

    private async Task RunProactiveAsync(Activity activity, Func<ITurnContext, CancellationToken, Task> callback, CancellationToken cancellationToken)
    {
        var problem = ActivityValidator.Validate(activity);
        if (problem is not null)
        {
            throw new ArgumentException("The conversation reference is incomplete: " + problem, nameof(activity));
        }

        var context = new TurnContext(this, activity, new ClaimsIdentity("proactive"));
        try
        {
            await RunMeasuredAsync(context, callback, "coachbot.proactive", cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _metrics?.Proactive("failed");
            throw;
        }

        _metrics?.Proactive(context.DeliveryFailures.Count > 0 ? "failed" : "sent");
        if (context.DeliveryFailures.Count > 0)
        {
            throw new DeliveryFailedException($"{context.DeliveryFailures.Count} proactive activities were not delivered: {context.DeliveryFailures[0].Error.Message}", context.DeliveryFailures[0].Error)
            {
                Failures = context.DeliveryFailures,
            };
        }
    }

    private Activity CreateEventActivity(ConversationReference reference, string name) => new()
    {
        Type = ActivityTypes.Event,
        Name = name,
        Id = Guid.NewGuid().ToString(),
        Timestamp = _timeProvider.GetUtcNow(),
        ChannelId = reference.ChannelId,
        ServiceUrl = reference.ServiceUrl,
        Conversation = reference.Conversation,
        From = reference.User,
        Recipient = reference.Bot,
        Locale = reference.Locale,
        RelatesTo = reference,
    };

    private async Task RunMeasuredAsync(TurnContext context, Func<ITurnContext, CancellationToken, Task> terminal, string spanName, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        using var span = BotMetrics.ActivitySource.StartActivity(spanName, spanName == "coachbot.turn" ? ActivityKind.Server : ActivityKind.Internal);
        if (span is not null)
        {
            span.SetTag("coachbot.activity.type", activity.Type);
            span.SetTag("coachbot.channel", activity.ChannelId);
            span.SetTag("coachbot.conversation.id", activity.Conversation?.Id);
            span.SetTag("coachbot.activity.id", activity.Id);
        }

        var started = _timeProvider.GetTimestamp();
        var outcome = "error";
        try
        {
            await RunPipelineAsync(context, terminal, cancellationToken).ConfigureAwait(false);
            outcome = context.DeliveryFailures.Count > 0 ? "undelivered" : "ok";
        }
        catch (Exception ex)
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
        finally
        {
            span?.SetTag("coachbot.outcome", outcome);
            _metrics?.TurnCompleted(activity.Type, activity.ChannelId, outcome, _timeProvider.GetElapsedTime(started));
        }
    }

    private Task RunPipelineAsync(TurnContext context, Func<ITurnContext, CancellationToken, Task> terminal, CancellationToken cancellationToken)
    {
        return Next(0, cancellationToken);

        Task Next(int index, CancellationToken ct) =>
            index < _middleware.Length
                ? _middleware[index].OnTurnAsync(context, c => Next(index + 1, c), ct)
                : terminal(context, ct);
    }
}
