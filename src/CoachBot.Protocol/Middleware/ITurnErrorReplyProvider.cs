using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;

namespace CoachBot.Protocol.Middleware;

/// <summary>
/// Supplies the calm apology sent when a turn fails. The host builds it from content/ (no patient text in code).
/// </summary>
public interface ITurnErrorReplyProvider
{
    /// <summary>The message to send, or null to send nothing.</summary>
    Activity? CreateErrorReply(ITurnContext turnContext, Exception exception);
}
