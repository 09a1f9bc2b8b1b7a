using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Safety;
using CoachBot.Content;
using CoachBot.Conversation.Prompts;
using CoachBot.Protocol.Middleware;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;
using Microsoft.Extensions.Logging;

namespace CoachBot.Dialogs.Shared;

/// <summary>
/// What a patient is told when their turn failed: the calm apology from content/, and before it, when the message
/// itself raised a safety flag, the same emergency or crisis wording the safety screen sends. A turn can fail before
/// the screen ran or before its replies went out (the store is down, say); the screen needs no storage, so the
/// wording still reaches the patient, with the numbers for the activity's locale. The escalation cannot be recorded
/// then; a warning names the rules (never the text) so that the care team can be told.
/// </summary>
internal sealed partial class ContentTurnErrorReply(DialogServices services, ILogger<ContentTurnErrorReply> logger) : ITurnErrorReplyProvider
{
    public IReadOnlyList<Activity> CreateErrorReplies(ITurnContext turnContext, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var replies = new List<Activity>();
        var activity = turnContext.Activity;
        if (activity.IsMessage())
        {
            var (messages, level, rules) = SafetyInterruption.Classify(SafetyScreen.Screen(services.Lexicon, PromptInput.GetText(activity)));
            if (level > Escalation.None)
            {
                var crisis = services.Texts.CrisisArgs(activity.Locale);
                replies.AddRange(messages.Select(key => Activity.CreateMessage(services.Texts.Get(key, crisis))));
                LogSafetyInFailedTurn(level, string.Join(", ", rules), activity.Conversation?.Id);
            }
        }

        replies.Add(Activity.CreateMessage(services.Texts.Get(MessageKeys.Errors.Internal)));
        return replies;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A failed turn's message raised a {Level} safety flag ({Rules}) in conversation {ConversationId}: the safety wording was sent, but no escalation could be recorded.")]
    private partial void LogSafetyInFailedTurn(Escalation level, string rules, string? conversationId);
}
