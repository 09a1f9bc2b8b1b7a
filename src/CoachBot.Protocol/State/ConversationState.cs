using CoachBot.Protocol.Turns;
using CoachBot.Storage;

namespace CoachBot.Protocol.State;

/// <summary>State shared by everyone in a conversation, keyed <c>{channelId}/conversations/{conversationId}</c>.</summary>
public sealed class ConversationState(IStorage storage) : BotState(storage, nameof(ConversationState))
{
    /// <inheritdoc />
    public override string? GetStorageKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var channelId = activity.ChannelId;
        var conversationId = activity.Conversation?.Id;
        return string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(conversationId)
            ? null
            : channelId + "/conversations/" + conversationId;
    }
}
