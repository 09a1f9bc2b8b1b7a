using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;

namespace CoachBot.Protocol.Middleware;

/// <summary>
/// Supplies what is sent when a turn fails: the calm apology, and anything that must reach the user even then. The
/// host builds it from content/ (no patient text in code).
/// </summary>
public interface ITurnErrorReplyProvider
{
    /// <summary>The messages to send, in order; empty to send nothing.</summary>
    IReadOnlyList<Activity> CreateErrorReplies(ITurnContext turnContext, Exception exception);
}
