using System.Text.Json;
using CoachBot.Protocol.Schema;
using CoachBot.Storage;

namespace CoachBot.ScaleOut.Tests.Support;

/// <summary>Builds the patients' messages and reads back which turns a conversation's stored state holds.</summary>
public static class Turns
{
    public const string Channel = "msteams";

    /// <summary>A patient's message in a personal Teams conversation, replies going to <paramref name="serviceUrl"/>.</summary>
    public static Activity Message(string serviceUrl, string conversationId, string userId, string activityId, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = activityId,
        ChannelId = Channel,
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount(conversationId) { ConversationType = "personal", TenantId = "t-1" },
        From = new ChannelAccount(userId, "Pat"),
        Recipient = new ChannelAccount("28:bot", "Coach"),
        Text = text,
        Locale = "en-GB",
    };

    /// <summary>The conversation state key.</summary>
    public static string StateKey(string conversationId) => Channel + "/conversations/" + conversationId;

    /// <summary>
    /// The inbound activity ids recorded as processed in the conversation's stored state (the de-duplication list,
    /// committed in the same batch as the rest of the turn's state).
    /// </summary>
    public static async Task<HashSet<string>> ProcessedIdsAsync(IStorage storage, string conversationId)
    {
        var key = StateKey(conversationId);
        var items = await storage.ReadAsync([key]);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (!items.TryGetValue(key, out var item))
        {
            return ids;
        }

        using var document = JsonDocument.Parse(item.Json);
        if (document.RootElement.TryGetProperty("_processedActivities", out var processed)
            && processed.TryGetProperty("ids", out var list))
        {
            foreach (var id in list.EnumerateArray())
            {
                ids.Add(id.GetString()!);
            }
        }

        return ids;
    }
}
