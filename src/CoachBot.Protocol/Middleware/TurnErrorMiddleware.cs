using CoachBot.Protocol.Diagnostics;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.State;
using CoachBot.Protocol.Turns;
using CoachBot.Storage;
using Microsoft.Extensions.Logging;

namespace CoachBot.Protocol.Middleware;

/// <summary>
/// The turn error handler: logs the failure, deletes the conversation state (so a broken dialog stack
/// cannot trap the user) and sends the host's calm apology. When the store itself failed (a conflict that
/// outlived the re-runs, or the store being down) the stored state is kept: it is the last good turn's. Proactive turns are not apologised for; their
/// error is rethrown to the caller after logging.
/// </summary>
internal sealed class TurnErrorMiddleware(ConversationState conversationState, ITurnErrorReplyProvider replies, ILogger<TurnErrorMiddleware> logger, BotMetrics? metrics = null) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate nextHandler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(nextHandler);
        try
        {
            await nextHandler(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // This is the last line of defence of a turn.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var activity = turnContext.Activity;
            logger.LogError(ex, "Turn failed: {Type} activity {Id} in {ChannelId} conversation {ConversationId}.", LogText.Clean(activity.Type), LogText.Clean(activity.Id), LogText.Clean(activity.ChannelId), LogText.Clean(activity.Conversation?.Id));
            metrics?.TurnFailed(activity.Type, ex.GetType().Name);
            if (activity.IsSynthesizedEvent())
            {
                throw;
            }

            if (ex is not (StorageConflictException or StorageUnavailableException))
            {
                await ResetConversationAsync(turnContext).ConfigureAwait(false);
            }

            await ApologiseAsync(turnContext, ex).ConfigureAwait(false);
            if (activity.IsInvoke())
            {
                turnContext.InvokeResponse = new InvokeResponse { Status = 500 };
            }
        }
    }

    private async Task ResetConversationAsync(ITurnContext turnContext)
    {
        try
        {
            await conversationState.DeleteAsync(turnContext, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Could not reset the conversation state after a failed turn.");
        }
    }

    private async Task ApologiseAsync(ITurnContext turnContext, Exception error)
    {
        try
        {
            foreach (var reply in replies.CreateErrorReplies(turnContext, error))
            {
                await turnContext.SendActivityAsync(reply, CancellationToken.None).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Could not send the apology after a failed turn.");
        }
    }
}
