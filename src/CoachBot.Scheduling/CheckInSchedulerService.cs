using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Scheduling;

/// <summary>
/// Runs the <see cref="CheckInScheduler"/> in the host: rebuilds the due index at start and every
/// <see cref="SchedulerOptions.ReconcileInterval"/>, and polls it every <see cref="SchedulerOptions.PollInterval"/>,
/// all on the <see cref="TimeProvider"/>. Does nothing when <see cref="SchedulerOptions.Enabled"/> is false.
/// </summary>
internal sealed partial class CheckInSchedulerService(CheckInScheduler scheduler, IOptions<SchedulerOptions> options, TimeProvider time, ILogger<CheckInSchedulerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled();
            return;
        }

        LogStarted(scheduler.InstanceId, settings.PollInterval);
        var nextReconcile = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (time.GetUtcNow() >= nextReconcile)
                {
                    var indexed = await scheduler.ReconcileAsync(stoppingToken).ConfigureAwait(false);
                    nextReconcile = time.GetUtcNow() + settings.ReconcileInterval;
                    LogReconciled(indexed);
                }

                var result = await scheduler.PollOnceAsync(stoppingToken).ConfigureAwait(false);
                if (result.Due > 0)
                {
                    LogPolled(result.Due, result.Sent, result.Skipped, result.Failed, result.Deferred, result.Errors);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must survive a storage outage; the next poll tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogPollFailed(ex);
            }

            try
            {
                await Task.Delay(settings.PollInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The check-in scheduler is disabled (Scheduler:Enabled=false).")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Information, Message = "Check-in scheduler {InstanceId} started; polling every {Interval}.")]
    private partial void LogStarted(string instanceId, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Due index reconciled: {Count} entries written.")]
    private partial void LogReconciled(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler poll: {Due} due, {Sent} sent, {Skipped} skipped, {Failed} failed, {Deferred} deferred, {Errors} errors.")]
    private partial void LogPolled(int due, int sent, int skipped, int failed, int deferred, int errors);

    [LoggerMessage(Level = LogLevel.Error, Message = "A scheduler poll failed; trying again at the next interval.")]
    private partial void LogPollFailed(Exception exception);
}
