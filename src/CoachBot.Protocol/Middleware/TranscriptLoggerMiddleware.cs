using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;
using Microsoft.Extensions.Logging;

namespace CoachBot.Protocol.Middleware;

/// <summary>
/// Logs a copy of the inbound activity (role <c>user</c> when unset) and of every outbound activity as it
/// was delivered (id <c>g_{guid}</c> and a timestamp when missing), all together when the turn ends, as the Bot
/// Framework SDK's transcript middleware does. A failing logger never breaks the turn.
/// </summary>
internal sealed class TranscriptLoggerMiddleware(ITranscriptLogger transcript, TimeProvider timeProvider, ILogger<TranscriptLoggerMiddleware> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate nextHandler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(nextHandler);
        var inbound = turnContext.Activity.ShallowCopy();
        if (inbound.From is not null && string.IsNullOrEmpty(inbound.From.Role))
        {
            inbound.From.Role = "user";
        }

        var turn = new List<Activity> { inbound };
        turnContext.OnSendActivities(async (context, activities, sendNext) =>
        {
            var responses = await sendNext().ConfigureAwait(false);
            for (var i = 0; i < activities.Count; i++)
            {
                var copy = activities[i].ShallowCopy();
                copy.Id ??= i < responses.Length && responses[i].Id is { } id ? id : "g_" + Guid.NewGuid().ToString("N");
                copy.Timestamp ??= timeProvider.GetUtcNow();
                if (copy.From is not null && string.IsNullOrEmpty(copy.From.Role))
                {
                    copy.From.Role = "bot";
                }

                lock (turn)
                {
                    turn.Add(copy);
                }
            }

            return responses;
        });

        try
        {
            await nextHandler(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            List<Activity> logged;
            lock (turn)
            {
                logged = [.. turn];
            }

            await LogAsync(logged).ConfigureAwait(false);
        }
    }

    private async Task LogAsync(List<Activity> activities)
    {
        try
        {
            await transcript.LogActivitiesAsync(activities, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Transcript logging must never break the turn.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Transcript logging failed for a turn's {Count} activities; the turn continues.", activities.Count);
        }
    }
}
