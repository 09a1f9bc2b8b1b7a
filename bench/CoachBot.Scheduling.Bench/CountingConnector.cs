using System.Collections.Concurrent;
using CoachBot.Protocol.Connector;
using CoachBot.Protocol.Schema;

namespace CoachBot.Scheduling.Bench;

/// <summary>The connector stand-in: accepts every activity and counts messages per conversation.</summary>
internal sealed class CountingConnector : IConnectorClient
{
    public ConcurrentDictionary<string, int> PerConversation { get; } = new(StringComparer.Ordinal);

    public Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        if (string.Equals(activity.Type, ActivityTypes.Message, StringComparison.Ordinal))
        {
            PerConversation.AddOrUpdate(activity.Conversation!.Id!, 1, (_, n) => n + 1);
        }

        return Task.FromResult(new ResourceResponse("a"));
    }

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ResourceResponse(activity.Id));

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ConversationResourceResponse { Id = "created-" + parameters.Members![0].Id, ServiceUrl = serviceUrl });
}
