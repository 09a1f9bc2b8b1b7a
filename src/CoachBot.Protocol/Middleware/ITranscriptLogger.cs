using CoachBot.Protocol.Schema;

namespace CoachBot.Protocol.Middleware;

/// <summary>Receives a copy of every activity in and out of the bot.</summary>
public interface ITranscriptLogger
{
    /// <summary>Logs one activity (a copy; the logger may keep it).</summary>
    Task LogActivityAsync(Activity activity, CancellationToken cancellationToken = default);
}
