using CoachBot.Protocol.Schema;

namespace CoachBot.Protocol.Middleware;

/// <summary>Receives a copy of every activity in and out of the bot.</summary>
public interface ITranscriptLogger
{
    /// <summary>Logs one activity (a copy; the logger may keep it).</summary>
    Task LogActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Logs one turn's activities, in order; a store may write them together.</summary>
    async Task LogActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activities);
        foreach (var activity in activities)
        {
            await LogActivityAsync(activity, cancellationToken).ConfigureAwait(false);
        }
    }
}
