using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;
using Microsoft.Extensions.Logging;

namespace CoachBot.Protocol.Middleware;

/// <summary>
/// For slow <c>message</c> turns: sends <c>typing</c> after <paramref name="delay"/> and then every
/// <paramref name="period"/> until the turn ends; each delivered message restarts the cycle. Timers come
/// from <see cref="TimeProvider"/>, so tests drive them with a fake clock.
/// </summary>
internal sealed class ShowTypingMiddleware(TimeProvider timeProvider, TimeSpan delay, TimeSpan period, ILogger<ShowTypingMiddleware> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate nextHandler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(nextHandler);
        if (!turnContext.Activity.IsMessage() || delay <= TimeSpan.Zero)
        {
            await nextHandler(cancellationToken).ConfigureAwait(false);
            return;
        }

        var cycle = new TypingCycle(turnContext, timeProvider, delay, period, logger);
        turnContext.OnSendActivities((context, activities, sendNext) =>
        {
            foreach (var activity in activities)
            {
                if (activity.IsMessage())
                {
                    cycle.Restart();
                    break;
                }
            }

            return sendNext();
        });

        try
        {
            cycle.Start();
            await nextHandler(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await cycle.StopAsync().ConfigureAwait(false);
        }
    }

    private sealed class TypingCycle(ITurnContext turnContext, TimeProvider timeProvider, TimeSpan delay, TimeSpan period, ILogger logger)
    {
        private readonly Lock _gate = new();
        private ITimer? _timer;
        private Task _inFlight = Task.CompletedTask;
        private bool _stopped;

        public void Start()
        {
            lock (_gate)
            {
                _timer = timeProvider.CreateTimer(static s => ((TypingCycle)s!).Tick(), this, delay, period);
            }
        }

        public void Restart()
        {
            lock (_gate)
            {
                if (!_stopped)
                {
                    _timer?.Change(delay, period);
                }
            }
        }

        public async Task StopAsync()
        {
            Task inFlight;
            lock (_gate)
            {
                _stopped = true;
                _timer?.Dispose();
                inFlight = _inFlight;
            }

            await inFlight.ConfigureAwait(false);
        }

        private void Tick()
        {
            lock (_gate)
            {
                if (_stopped || !_inFlight.IsCompleted)
                {
                    return;
                }

                _inFlight = SendTypingAsync();
            }
        }

        private async Task SendTypingAsync()
        {
            try
            {
                await turnContext.SendActivityAsync(Activity.CreateTyping(), CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A lost typing indicator is harmless.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogDebug(ex, "Typing indicator not sent.");
            }
        }
    }
}
