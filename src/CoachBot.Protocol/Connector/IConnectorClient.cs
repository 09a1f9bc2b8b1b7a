using CoachBot.Protocol.Schema;

namespace CoachBot.Protocol.Connector;

/// <summary>The Bot Connector REST calls the bot makes (relative to an activity's <c>serviceUrl</c>).</summary>
public interface IConnectorClient
{
    /// <summary>
    /// Posts the activity to its conversation: a reply to <see cref="Activity.ReplyToId"/> when set
    /// (<c>POST v3/conversations/{id}/activities/{replyToId}</c>), else a send (<c>.../activities</c>).
    /// Throws <see cref="ConnectorException"/> when the channel refuses it or the outcome is unknown.
    /// </summary>
    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces an activity the bot sent (its <see cref="Activity.Id"/> names it) with this one:
    /// <c>PUT v3/conversations/{id}/activities/{activityId}</c>. Throws <see cref="ConnectorException"/> when the
    /// channel refuses it.
    /// </summary>
    Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Creates a conversation: <c>POST v3/conversations</c>.</summary>
    Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default);
}
