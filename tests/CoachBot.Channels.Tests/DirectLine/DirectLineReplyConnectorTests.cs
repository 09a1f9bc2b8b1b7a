using System.Net;
using CoachBot.Channels.Tests.Support;
using CoachBot.Protocol.Connector;
using CoachBot.Protocol.Schema;
using Moq;

namespace CoachBot.Channels.Tests.DirectLine;

/// <summary>The bot's replies to this host's Direct Line are appended in process; other channels keep the HTTP client.</summary>
public sealed class DirectLineReplyConnectorTests : IAsyncLifetime
{
    private DirectLineTestHost _host = null!;

    public async Task InitializeAsync() => _host = await DirectLineTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Reply_IsAppendedWithReplyToId_AndAnswersItsId()
    {
        var (conversationId, token) = await _host.StartConversationAsync();
        var reply = ToThisHost(conversationId, Activity.CreateMessage("proactive hello"));
        reply.ReplyToId = "abc|0000001";

        var sent = await _host.Connector.SendActivityAsync(reply);
        var (_, history) = await _host.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities", token);

        var stored = history.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("id").GetString() == sent.Id);
        Assert.Equal("proactive hello", stored.GetProperty("text").GetString());
        Assert.Equal("abc|0000001", stored.GetProperty("replyToId").GetString());
        Assert.Equal("coachbot", stored.GetProperty("from").GetProperty("id").GetString());
        Assert.Null(reply.From); // the history has its own copy; the bot's activity is not changed
        _host.OtherChannels.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Update_IsStoredAgainWithTheSameIdAndTimestamp_AfterTheWatermark_AsWebChatReplacesIt()
    {
        var (conversationId, token) = await _host.StartConversationAsync();
        var card = await _host.Connector.SendActivityAsync(ToThisHost(conversationId, Activity.CreateMessage("the card")));
        await _host.Connector.SendActivityAsync(ToThisHost(conversationId, Activity.CreateMessage("the decision")));
        var (_, before) = await _host.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities", token);
        var watermark = before.GetProperty("watermark").GetString();
        var original = before.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("id").GetString() == card.Id);

        var update = ToThisHost(conversationId, Activity.CreateMessage("sent: pain 3"));
        update.Id = card.Id;
        var updated = await _host.Connector.UpdateActivityAsync(update);
        var (_, after) = await _host.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities?watermark={watermark}", token);

        Assert.Equal(card.Id, updated.Id);
        var stored = Assert.Single(after.GetProperty("activities").EnumerateArray());
        Assert.Equal(card.Id, stored.GetProperty("id").GetString());
        Assert.Equal("sent: pain 3", stored.GetProperty("text").GetString());
        // Web Chat orders by timestamp: the same timestamp keeps the new version where the card was.
        Assert.Equal(original.GetProperty("timestamp").GetString(), stored.GetProperty("timestamp").GetString());
        Assert.Equal("bot", stored.GetProperty("from").GetProperty("role").GetString());
    }

    [Fact]
    public async Task Update_OfAnActivityTheBotNeverSent_IsAConnectorError404()
    {
        var (conversationId, _) = await _host.StartConversationAsync();
        var update = ToThisHost(conversationId, Activity.CreateMessage("x"));
        update.Id = conversationId + "|0000099";

        var error = await Assert.ThrowsAsync<ConnectorException>(() => _host.Connector.UpdateActivityAsync(update));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("ActivityNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task Reply_ToAnotherServiceUrl_GoesToTheInnerClient()
    {
        var (conversationId, _) = await _host.StartConversationAsync();
        var teams = Activity.CreateMessage("to teams");
        teams.ServiceUrl = "https://smba.trafficmanager.net/amer/";
        teams.Conversation = new ConversationAccount(conversationId);
        _host.OtherChannels.Setup(c => c.SendActivityAsync(teams, It.IsAny<CancellationToken>())).ReturnsAsync(new ResourceResponse("teams-1"));

        var sent = await _host.Connector.SendActivityAsync(teams);

        Assert.Equal("teams-1", sent.Id);
        _host.OtherChannels.Verify(c => c.SendActivityAsync(teams, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task TheFormerHttpReplyRoute_IsGone()
    {
        var (conversationId, token) = await _host.StartConversationAsync();

        foreach (var bearer in new string?[] { null, token, DirectLineTestHost.Secret })
        {
            var (response, _) = await _host.SendAsync(HttpMethod.Post, $"v3/conversations/{conversationId}/activities", bearer, Activity.CreateMessage("forged"));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var (_, history) = await _host.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities", token);
        Assert.DoesNotContain("forged", history.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_ToAnUnknownConversation_IsAConnectorError404()
    {
        await _host.StartConversationAsync();

        var error = await Assert.ThrowsAsync<ConnectorException>(() => _host.Connector.SendActivityAsync(ToThisHost("missing", Activity.CreateMessage("x"))));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("ConversationNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task Typing_FromBot_IsNotReturnedByGet()
    {
        var (conversationId, token) = await _host.StartConversationAsync();

        await _host.Connector.SendActivityAsync(ToThisHost(conversationId, Activity.CreateTyping()));
        var (_, history) = await _host.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities", token);

        Assert.DoesNotContain(history.GetProperty("activities").EnumerateArray(), a => a.GetProperty("type").GetString() == "typing");
    }

    /// <summary>Addressed as the bot addresses a reply: to the serviceUrl this host put on the activities it received.</summary>
    private Activity ToThisHost(string conversationId, Activity activity)
    {
        activity.ServiceUrl = _host.Bot.Received.First().ServiceUrl;
        activity.Conversation = new ConversationAccount(conversationId);
        return activity;
    }
}
