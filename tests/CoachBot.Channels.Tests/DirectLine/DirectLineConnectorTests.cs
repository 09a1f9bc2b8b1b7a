using System.Net;
using System.Text.Json;
using CoachBot.Channels.Tests.Support;
using CoachBot.Protocol.Auth;
using CoachBot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Channels.Tests.DirectLine;

public sealed class DirectLineConnectorTests : IAsyncLifetime
{
    private DirectLineTestHost _host = null!;

    public async Task InitializeAsync() => _host = await DirectLineTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Reply_WithInternalCredential_AppendsWithReplyToIdAndAnswersId()
    {
        var (conversationId, token) = await _host.StartConversationAsync();
        var credential = await BotCredentialAsync();
        var reply = Activity.CreateMessage("proactive hello");

        var (response, json) = await _host.SendAsync(HttpMethod.Post, $"v3/conversations/{conversationId}/activities/abc%7C0000001", credential, reply);
        var (_, history) = await _host.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = history.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("id").GetString() == json.GetProperty("id").GetString());
        Assert.Equal("proactive hello", stored.GetProperty("text").GetString());
        Assert.Equal("abc|0000001", stored.GetProperty("replyToId").GetString());
        Assert.Equal("coachbot", stored.GetProperty("from").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Send_WithoutCredential_Returns401()
    {
        var (conversationId, token) = await _host.StartConversationAsync();

        foreach (var bearer in new string?[] { null, token, DirectLineTestHost.Secret, "garbage", "dl1.e30.AAAA" })
        {
            var (response, json) = await _host.SendAsync(HttpMethod.Post, $"v3/conversations/{conversationId}/activities", bearer, Activity.CreateMessage("forged"));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Unauthorized", json.GetProperty("error").GetProperty("code").GetString());
        }

        var (_, history) = await _host.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities", token);
        Assert.DoesNotContain("forged", history.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ExpiredInternalCredential_Returns401()
    {
        var (conversationId, _) = await _host.StartConversationAsync();
        var credential = await BotCredentialAsync();
        _host.Time.Advance(TimeSpan.FromHours(2));

        var (response, _) = await _host.SendAsync(HttpMethod.Post, $"v3/conversations/{conversationId}/activities", credential, Activity.CreateMessage("late"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TokenProvider_ForeignServiceUrl_GivesNoInternalCredential()
    {
        await _host.StartConversationAsync();
        var provider = _host.App.Services.GetRequiredService<IOutboundTokenProvider>();

        var own = await provider.GetTokenAsync(_host.BaseUrl + "/");
        var foreign = await provider.GetTokenAsync("https://smba.trafficmanager.net/amer/");

        Assert.NotNull(own);
        Assert.Null(foreign);
    }

    [Fact]
    public async Task Send_UnknownConversation_Returns404()
    {
        await _host.StartConversationAsync();
        var credential = await BotCredentialAsync();

        var (response, json) = await _host.SendAsync(HttpMethod.Post, "v3/conversations/missing/activities", credential, Activity.CreateMessage("x"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ConversationNotFound", json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Typing_FromBot_IsNotReturnedByGet()
    {
        var (conversationId, token) = await _host.StartConversationAsync();
        var credential = await BotCredentialAsync();

        await _host.SendAsync(HttpMethod.Post, $"v3/conversations/{conversationId}/activities", credential, Activity.CreateTyping());
        var (_, history) = await _host.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities", token);

        Assert.DoesNotContain(history.GetProperty("activities").EnumerateArray(), a => a.GetProperty("type").GetString() == "typing");
    }

    private async Task<string> BotCredentialAsync()
    {
        var provider = _host.App.Services.GetRequiredService<IOutboundTokenProvider>();
        return (await provider.GetTokenAsync(_host.Bot.Received.First().ServiceUrl!))!;
    }
}
