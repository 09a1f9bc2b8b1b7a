using CoachBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Records;

/// <summary>
/// Deletes transcript entries older than <see cref="TranscriptSettings.TranscriptRetentionDays"/> soon after start-up and then every
/// <see cref="SweepInterval"/>, on the registered <see cref="TimeProvider"/>. Does nothing when the setting is 0.
/// A failed sweep is logged and tried again at the next interval.
/// </summary>
internal sealed partial class TranscriptRetentionService(
    IStorage storage, IOptions<TranscriptSettings> settings, TimeProvider timeProvider, ILogger<TranscriptRetentionService> logger) : BackgroundService
{
    /// <summary>Time between sweeps.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var days = settings.Value.TranscriptRetentionDays;
        if (days == 0)
        {
            return;
        }

        await Task.Yield(); // never hold up start-up
        var retention = new TranscriptRetention(storage);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var cutoff = timeProvider.GetUtcNow() - TimeSpan.FromDays(days);
                var deleted = await retention.SweepAsync(cutoff, stoppingToken).ConfigureAwait(false);
                LogSwept(logger, deleted, cutoff);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a failed sweep must not stop the host; it is retried next interval
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex);
            }

            try
            {
                await Task.Delay(SweepInterval, timeProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Transcript retention: deleted {Count} entries logged before {Cutoff:o}")]
    private static partial void LogSwept(ILogger logger, int count, DateTimeOffset cutoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transcript retention sweep failed; trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
