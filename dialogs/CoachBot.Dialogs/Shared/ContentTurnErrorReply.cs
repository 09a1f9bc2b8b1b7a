using CoachBot.Protocol.Middleware;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;

namespace CoachBot.Dialogs.Shared;

/// <summary>The calm apology after a failed turn, from content/.</summary>
internal sealed class ContentTurnErrorReply(Texts texts) : ITurnErrorReplyProvider
{
    public Activity? CreateErrorReply(ITurnContext turnContext, Exception exception) => Activity.CreateMessage(texts.Get(Keys.ErrorsInternal));
}
