using System.Buffers.Text;
using CoachBot.Protocol.Schema;
using Microsoft.Extensions.Logging;
using ChannelIds = CoachBot.Protocol.Schema.Channels;

namespace CoachBot.Channels.DirectLine;

/// <summary>
/// The channel logic behind the routes: what reaches the bot and what goes into the history. Activities
/// reach the bot as a real Direct Line would send them: channelId <c>directline</c>, serviceUrl = this host,
/// recipient = the bot, from = the token's user (which wins over what the client wrote).
/// </summary>
internal sealed class DirectLineChannel(DirectLineBotBridge bot, TimeProvider time, ILogger<DirectLineChannel> logger)
{
    /// <summary>
    /// Tells the bot a conversation started: one conversationUpdate with bot and user when the user is known,
    /// else one with the bot only (the user is announced before their first message). Bot failures are logged;
    /// the conversation still starts.
    /// </summary>
    public async Task AnnounceStartAsync(DirectLineConversation conversation, string serviceUrl, string? userName, string? locale, CancellationToken cancellationToken)
    {
        var members = new List<ChannelAccount> { bot.BotAccount };
        var userId = conversation.UserId;
        if (userId is not null && conversation.TryAnnounceUser(userId))
        {
            members.Add(new ChannelAccount(userId, userName) { Role = "user" });
        }

        await SendUpdateAsync(conversation, serviceUrl, members, userId, locale, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records a client activity (the echo Web Chat waits for) and runs the bot's turn on it. Returns the id;
    /// throws <see cref="DirectLineBotException"/> when the bot fails (the echo stays in the history).
    /// </summary>
    public async Task<string> PostFromClientAsync(DirectLineConversation conversation, Activity activity, string userId, string serviceUrl, CancellationToken cancellationToken)
    {
        if (conversation.TryAnnounceUser(userId))
        {
            var joined = new ChannelAccount(userId, activity.From?.Name) { Role = "user" };
            await SendUpdateAsync(conversation, serviceUrl, [joined], userId, activity.Locale, cancellationToken).ConfigureAwait(false);
        }

        activity.ChannelId = ChannelIds.DirectLine;
        activity.ServiceUrl = serviceUrl;
        activity.Conversation = new ConversationAccount(conversation.Id);
        activity.Recipient = bot.BotAccount;
        activity.From = new ChannelAccount(userId, activity.From?.Name) { Role = "user", AadObjectId = null };
        activity.CallerId = null;
        activity.ReplyToId = null;
        var id = conversation.Append(activity, time.GetUtcNow());
        await bot.RunTurnAsync(activity, cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>Records a bot activity (send or reply) and streams it to the client. Returns its id.</summary>
    public string PostFromBot(DirectLineConversation conversation, Activity activity, string? replyToId)
    {
        activity.ChannelId = ChannelIds.DirectLine;
        activity.Conversation = new ConversationAccount(conversation.Id);
        if (string.IsNullOrEmpty(activity.From?.Id))
        {
            activity.From = bot.BotAccount;
        }

        activity.From.Role ??= "bot";
        if (replyToId is not null)
        {
            activity.ReplyToId = replyToId;
        }

        return conversation.Append(activity, time.GetUtcNow());
    }

    /// <summary>Records a new version of a bot activity the client has (same id) and streams it; false when the id is unknown.</summary>
    public bool UpdateFromBot(DirectLineConversation conversation, Activity activity)
    {
        activity.ChannelId = ChannelIds.DirectLine;
        activity.Conversation = new ConversationAccount(conversation.Id);
        activity.From = bot.BotAccount;
        activity.ReplyToId = null;
        return conversation.Replace(activity, time.GetUtcNow());
    }

    private async Task SendUpdateAsync(DirectLineConversation conversation, string serviceUrl, List<ChannelAccount> members, string? userId, string? locale, CancellationToken cancellationToken)
    {
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = Base64Url.EncodeToString(Guid.NewGuid().ToByteArray()),
            Timestamp = time.GetUtcNow(),
            ChannelId = ChannelIds.DirectLine,
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount(conversation.Id),
            Recipient = bot.BotAccount,
            From = userId is null ? bot.BotAccount : new ChannelAccount(userId) { Role = "user" },
            MembersAdded = members,
            Locale = locale,
        };
        try
        {
            await bot.RunTurnAsync(update, cancellationToken).ConfigureAwait(false);
        }
        catch (DirectLineBotException ex)
        {
            logger.LogWarning("Direct Line: conversationUpdate for {ConversationId} failed: {Reason}", conversation.Id, ex.Message);
        }
    }
}
