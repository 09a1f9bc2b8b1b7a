using System.Net;
using CoachBot.Channels.Tests.Support;
using CoachBot.Protocol.Schema;

namespace CoachBot.Channels.Tests.DirectLine;

public sealed class DirectLineLimitsTests
{
    [Fact]
    public async Task StartConversation_StoreFull_Returns429WithRetryAfter()
    {
        await using var host = await DirectLineTestHost.StartAsync(o => o.MaxConversations = 2);
        await host.StartConversationAsync("dl_a");
        await host.StartConversationAsync("dl_b");

        var (response, json) = await host.SendAsync(HttpMethod.Post, "v3/directline/conversations", DirectLineTestHost.Secret);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("Throttled", json.GetProperty("error").GetProperty("code").GetString());
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Conversation_IdleLongerThanTimeout_IsForgotten()
    {
        await using var host = await DirectLineTestHost.StartAsync(o => o.ConversationIdleTimeout = TimeSpan.FromMinutes(10));
        var (conversationId, token) = await host.StartConversationAsync();
        host.Time.Advance(TimeSpan.FromMinutes(11));

        var (response, _) = await host.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities", token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task History_BeyondCapacity_KeepsNewestAndAbsoluteWatermark()
    {
        await using var host = await DirectLineTestHost.StartAsync(o => o.MaxActivitiesPerConversation = 10);
        var (conversationId, token) = await host.StartConversationAsync();
        var serviceUrl = host.Bot.Received.First().ServiceUrl;
        for (var i = 0; i < 14; i++)
        {
            var message = Activity.CreateMessage("n" + i);
            message.ServiceUrl = serviceUrl;
            message.Conversation = new ConversationAccount(conversationId);
            await host.Connector.SendActivityAsync(message);
        }

        var (_, json) = await host.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities?watermark=", token);

        var texts = json.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString()).ToList();
        Assert.Equal(10, texts.Count);
        Assert.Equal("n13", texts[^1]);
        Assert.Equal("15", json.GetProperty("watermark").GetString());
    }
}
