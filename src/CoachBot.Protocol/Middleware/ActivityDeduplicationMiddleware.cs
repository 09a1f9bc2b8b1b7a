using CoachBot.Protocol.Diagnostics;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.State;
using CoachBot.Protocol.Turns;
using Microsoft.Extensions.Logging;

namespace CoachBot.Protocol.Middleware;

/// <summary>
/// Drops an inbound activity whose id was already processed in this conversation (Teams re-sends an
/// activity when a turn takes longer than ~15 s). Processed ids live in conversation state, written in
/// the same batch as the turn's other state, so the memory survives restarts and is shared by instances.
/// Runs inside the state-commit step; ordering makes the re-send wait until the first delivery committed.
/// </summary>
internal sealed class ActivityDeduplicationMiddleware : IMiddleware
{
    /// <summary>The conversation state property holding processed ids.</summary>
    public const string PropertyName = "_processedActivities";

    private readonly IStatePropertyAccessor<ProcessedActivities> _processed;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _window;
    private readonly int _capacity;
    private readonly ILogger<ActivityDeduplicationMiddleware> _logger;

    public ActivityDeduplicationMiddleware(ConversationState conversationState, TimeProvider timeProvider, TimeSpan window, int capacity, ILogger<ActivityDeduplicationMiddleware> logger)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        _processed = conversationState.CreateProperty<ProcessedActivities>(PropertyName);
        _timeProvider = timeProvider;
        _window = window;
        _capacity = capacity;
        _logger = logger;
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate nextHandler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(nextHandler);
        var activity = turnContext.Activity;
        if (string.IsNullOrEmpty(activity.Id) || activity.IsSynthesizedEvent() || _capacity <= 0)
        {
            await nextHandler(cancellationToken).ConfigureAwait(false);
            return;
        }

        var processed = await _processed.GetAsync(turnContext, static () => new ProcessedActivities(), cancellationToken).ConfigureAwait(false);
        var now = _timeProvider.GetUtcNow();
        processed.RemoveBefore(now - _window);
        if (processed.Find(activity.Id) is { } at)
        {
            _logger.LogInformation("Duplicate {Type} activity {Id} ignored (already processed at {At}).", LogText.Clean(activity.Type), LogText.Clean(activity.Id), at);
            if (activity.IsInvoke())
            {
                turnContext.InvokeResponse = new InvokeResponse { Status = 200 };
            }

            return;
        }

        processed.Add(activity.Id, now, _capacity);
        await nextHandler(cancellationToken).ConfigureAwait(false);
    }
}
