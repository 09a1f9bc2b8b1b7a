using CoachBot.Protocol.Turns;
using CoachBot.Storage;

namespace CoachBot.Protocol.State;

/// <summary>State that follows a user across conversations of one channel, keyed <c>{channelId}/users/{userId}</c>.</summary>
public sealed class UserState(IStorage storage) : BotState(storage, nameof(UserState))
{
    /// <inheritdoc />
    public override string? GetStorageKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var channelId = activity.ChannelId;
        var userId = activity.From?.Id;
        return string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(userId)
            ? null
            : channelId + "/users/" + userId;
    }
}
