using System.Net;
using System.Text.Json;
using CoachBot.Protocol.Connector;
using CoachBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace CoachBot.Channels.DirectLine;

/// <summary>
/// Decorates the runtime's <see cref="IConnectorClient"/>: the bot's activities to this host's own Direct Line
/// (a <c>serviceUrl</c> it handed out) are appended to the conversation in process; everything else (Teams, other
/// channels) goes to the inner client over HTTP.
/// </summary>
internal sealed class DirectLineReplyConnector(
    IConnectorClient? inner,
    DirectLineServiceUrls urls,
    DirectLineConversationStore store,
    DirectLineChannel channel,
    IOptions<DirectLineOptions> options) : IConnectorClient
{
    public Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ServiceUrl is null || !urls.IsOwn(activity.ServiceUrl))
        {
            return Inner.SendActivityAsync(activity, cancellationToken);
        }

        var (conversation, copy) = Receive(activity);
        return Task.FromResult(new ResourceResponse(channel.PostFromBot(conversation, copy, activity.ReplyToId)));
    }

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ServiceUrl is null || !urls.IsOwn(activity.ServiceUrl))
        {
            return Inner.UpdateActivityAsync(activity, cancellationToken);
        }

        var (conversation, copy) = Receive(activity);
        if (string.IsNullOrEmpty(activity.Id) || !channel.UpdateFromBot(conversation, copy))
        {
            throw new ConnectorException($"The Direct Line conversation '{conversation.Id}' has no bot activity '{activity.Id}'.")
            {
                StatusCode = HttpStatusCode.NotFound,
                ErrorCode = "ActivityNotFound",
            };
        }

        return Task.FromResult(new ResourceResponse(activity.Id));
    }

    /// <summary>The conversation and the history's own copy of a bot activity, checked as a channel would check it.</summary>
    private (DirectLineConversation Conversation, Activity Copy) Receive(Activity activity)
    {
        var conversationId = activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation.id.", nameof(activity));
        var conversation = store.Find(conversationId)
            ?? throw new ConnectorException($"The Direct Line conversation '{conversationId}' does not exist or has expired.")
            {
                StatusCode = HttpStatusCode.NotFound,
                ErrorCode = "ConversationNotFound",
            };
        if (string.IsNullOrEmpty(activity.Type))
        {
            throw new ConnectorException("The activity needs a type.") { StatusCode = HttpStatusCode.BadRequest, ErrorCode = "BadArgument" };
        }

        // The history keeps its own copy, as a channel receiving the activity over HTTP would.
        var json = JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Options);
        if (json.Length > options.Value.MaxActivityBytes)
        {
            throw new ConnectorException($"The activity is larger than {options.Value.MaxActivityBytes} bytes.")
            {
                StatusCode = HttpStatusCode.RequestEntityTooLarge,
                ErrorCode = "MessageSizeTooBig",
            };
        }

        return (conversation, JsonSerializer.Deserialize<Activity>(json, ProtocolJson.Options)!);
    }

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default) =>
        Inner.CreateConversationAsync(serviceUrl, parameters, cancellationToken);

    private IConnectorClient Inner => inner ?? throw new InvalidOperationException("No IConnectorClient is registered for channels other than this host's Direct Line.");
}
