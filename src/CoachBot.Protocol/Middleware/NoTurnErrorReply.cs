using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;

namespace CoachBot.Protocol.Middleware;

/// <summary>Default until the host registers its content-based provider: no apology is sent.</summary>
internal sealed class NoTurnErrorReply : ITurnErrorReplyProvider
{
    public IReadOnlyList<Activity> CreateErrorReplies(ITurnContext turnContext, Exception exception) => [];
}
