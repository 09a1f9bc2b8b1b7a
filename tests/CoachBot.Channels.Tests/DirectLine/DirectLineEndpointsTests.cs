using System.Net;
using System.Text.Json;
using CoachBot.Channels.Tests.Support;
using CoachBot.Protocol.Schema;

namespace CoachBot.Channels.Tests.DirectLine;

public sealed class DirectLineEndpointsTests : IAsyncLifetime
{
    private DirectLineTestHost _host = null!;

    public async Task InitializeAsync() => _host = await DirectLineTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Generate_WithSecret_ReturnsTokenForNewConversation()
    {
        var (response, json) = await _host.SendAsync(HttpMethod.Post, "v3/directline/tokens/generate", DirectLineTestHost.Secret, new { user = new { id = "dl_abc" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("conversationId").GetString()));
        Assert.Equal(1800, json.GetProperty("expires_in").GetInt32());
        var token = json.GetProperty("token").GetString()!;
        Assert.DoesNotContain(DirectLineTestHost.Secret, token, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_WithoutAuthorization_Returns401WithErrorBody()
    {
        var (response, json) = await _host.SendAsync(HttpMethod.Post, "v3/directline/tokens/generate", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unauthorized", json.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("error").GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Generate_WithTokenInsteadOfSecret_Returns403()
    {
        var (_, token) = await _host.StartConversationAsync();

        var (response, json) = await _host.SendAsync(HttpMethod.Post, "v3/directline/tokens/generate", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Forbidden", json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task StartConversation_SameTokenTwice_Returns201Then200WithSameConversation()
    {
        var (_, generated) = await _host.SendAsync(HttpMethod.Post, "v3/directline/tokens/generate", DirectLineTestHost.Secret);
        var token = generated.GetProperty("token").GetString()!;

        var (first, firstJson) = await _host.SendAsync(HttpMethod.Post, "v3/directline/conversations", token);
        var (second, secondJson) = await _host.SendAsync(HttpMethod.Post, "v3/directline/conversations", token);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(generated.GetProperty("conversationId").GetString(), firstJson.GetProperty("conversationId").GetString());
        Assert.Equal(firstJson.GetProperty("conversationId").GetString(), secondJson.GetProperty("conversationId").GetString());
        Assert.StartsWith("ws://127.0.0.1:", firstJson.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
        Assert.True(firstJson.GetProperty("expires_in").GetInt32() > 0);
    }

    [Fact]
    public async Task StartConversation_WithSecret_CreatesConversationAndToken()
    {
        var (response, json) = await _host.SendAsync(HttpMethod.Post, "v3/directline/conversations", DirectLineTestHost.Secret, new { user = new { id = "dl_s1" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var token = json.GetProperty("token").GetString()!;
        var id = json.GetProperty("conversationId").GetString()!;
        var (read, _) = await _host.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{id}/activities?watermark=", token);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task StartConversation_WithUserInToken_SendsOneConversationUpdateWithBotAndUser()
    {
        var (conversationId, _) = await _host.StartConversationAsync("dl_patient7");

        var update = Assert.Single(_host.Bot.Received, a => a.Type == ActivityTypes.ConversationUpdate);
        Assert.Equal(["coachbot", "dl_patient7"], update.MembersAdded!.Select(m => m.Id));
        Assert.Equal("directline", update.ChannelId);
        Assert.Equal(conversationId, update.Conversation!.Id);
        Assert.Equal(_host.BaseUrl + "/", update.ServiceUrl);
    }

    [Fact]
    public async Task StartConversation_WithoutUser_AnnouncesUserBeforeFirstMessage()
    {
        var (conversationId, token) = await _host.StartConversationAsync(userId: null);
        var message = DirectLineTestHost.UserMessage("hi");
        message.From = new ChannelAccount("client-user");

        await _host.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities", token, message);

        var received = _host.Bot.Received.ToList();
        Assert.Equal(["coachbot"], received[0].MembersAdded!.Select(m => m.Id));
        Assert.Equal(["client-user"], received[1].MembersAdded!.Select(m => m.Id));
        Assert.Equal(ActivityTypes.Message, received[2].Type);
        Assert.Equal("client-user", received[2].From!.Id);
    }

    [Fact]
    public async Task PostActivity_ValidToken_AnswersIdAndDeliversChannelShapedActivity()
    {
        var (conversationId, token) = await _host.StartConversationAsync("dl_patient1");

        var (response, json) = await _host.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities", token, DirectLineTestHost.UserMessage("my back hurts"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = json.GetProperty("id").GetString();
        var delivered = Assert.Single(_host.Bot.Received, a => a.Type == ActivityTypes.Message);
        Assert.Equal(id, delivered.Id);
        Assert.Equal("directline", delivered.ChannelId);
        Assert.Equal(_host.BaseUrl + "/", delivered.ServiceUrl);
        Assert.Equal("coachbot", delivered.Recipient!.Id);
        Assert.Equal("dl_patient1", delivered.From!.Id);
        Assert.Equal(conversationId, delivered.Conversation!.Id);
        Assert.NotNull(delivered.Timestamp);
    }

    [Fact]
    public async Task GetActivities_AfterPost_ReturnsEchoWithClientActivityIdAndBotReply()
    {
        var (conversationId, token) = await _host.StartConversationAsync("dl_patient1");
        var (_, posted) = await _host.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities", token, DirectLineTestHost.UserMessage("hello", "abc123"));

        var (response, json) = await _host.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities?watermark=", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var activities = json.GetProperty("activities").EnumerateArray().ToList();
        var echo = activities.Single(a => a.GetProperty("id").GetString() == posted.GetProperty("id").GetString());
        Assert.Equal("abc123", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("dl_patient1", echo.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("user", echo.GetProperty("from").GetProperty("role").GetString());
        Assert.True(echo.TryGetProperty("timestamp", out _));
        Assert.Contains(activities, a => a.TryGetProperty("text", out var t) && t.GetString() == "You said: hello");
        Assert.Contains(activities, a => a.TryGetProperty("text", out var t) && t.GetString() == ReplyingBot.GreetingText);
        Assert.Equal(JsonValueKind.String, json.GetProperty("watermark").ValueKind);
        Assert.Equal(activities.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), json.GetProperty("watermark").GetString());
    }

    [Fact]
    public async Task GetActivities_WithReturnedWatermark_ReturnsOnlyNewAndNeverMovesBack()
    {
        var (conversationId, token) = await _host.StartConversationAsync();
        var (_, first) = await _host.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities", token);
        var watermark = first.GetProperty("watermark").GetString();

        var (_, idle) = await _host.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities?watermark={watermark}", token);
        await _host.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities", token, DirectLineTestHost.UserMessage("again"));
        var (_, next) = await _host.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities?watermark={watermark}", token);

        Assert.Empty(idle.GetProperty("activities").EnumerateArray());
        Assert.Equal(watermark, idle.GetProperty("watermark").GetString());
        Assert.Equal(2, next.GetProperty("activities").GetArrayLength());
        Assert.True(long.Parse(next.GetProperty("watermark").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(watermark!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("999")]
    public async Task GetActivities_BadWatermark_Returns400(string watermark)
    {
        var (conversationId, token) = await _host.StartConversationAsync();

        var (response, json) = await _host.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities?watermark={watermark}", token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadArgument", json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Token_ForOtherConversation_CannotReadPostOrReconnect()
    {
        var (victim, _) = await _host.StartConversationAsync("dl_victim");
        var (_, attackerToken) = await _host.StartConversationAsync("dl_attacker");

        var (read, readJson) = await _host.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{victim}/activities?watermark=", attackerToken);
        var (post, _) = await _host.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{victim}/activities", attackerToken, DirectLineTestHost.UserMessage("sneaky"));
        var (reconnect, _) = await _host.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{victim}", attackerToken);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reconnect.StatusCode);
        Assert.DoesNotContain("activities", readJson.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Bot.Received, a => a.Text == "sneaky");
    }

    [Fact]
    public async Task Token_Tampered_Returns403()
    {
        var (conversationId, token) = await _host.StartConversationAsync();
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        var (response, json) = await _host.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities", tampered);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("TokenInvalid", json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Refresh_ValidToken_ReturnsNewTokenForSameConversation()
    {
        var (conversationId, token) = await _host.StartConversationAsync();
        _host.Time.Advance(TimeSpan.FromMinutes(20));

        var (response, json) = await _host.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh", token);
        var refreshed = json.GetProperty("token").GetString()!;
        _host.Time.Advance(TimeSpan.FromMinutes(20));
        var (withOld, _) = await _host.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities", token);
        var (withNew, _) = await _host.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities", refreshed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(conversationId, json.GetProperty("conversationId").GetString());
        Assert.NotEqual(token, refreshed);
        Assert.Equal(HttpStatusCode.Forbidden, withOld.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
    }

    [Fact]
    public async Task Refresh_ExpiredToken_Returns403TokenExpired()
    {
        var (_, token) = await _host.StartConversationAsync();
        _host.Time.Advance(TimeSpan.FromMinutes(31));

        var (response, json) = await _host.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("TokenExpired", json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Reconnect_WithWatermark_ReturnsStreamUrlCarryingIt()
    {
        var (conversationId, token) = await _host.StartConversationAsync();

        var (response, json) = await _host.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}?watermark=1", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(conversationId, json.GetProperty("conversationId").GetString());
        Assert.EndsWith("&watermark=1", json.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostActivity_BotThrows_Returns502AndKeepsEcho()
    {
        var (conversationId, token) = await _host.StartConversationAsync();
        _host.Bot.OnMessage = (_, _) => throw new InvalidOperationException("boom");

        var (response, json) = await _host.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities", token, DirectLineTestHost.UserMessage("will fail", "keep-me"));
        var (_, history) = await _host.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities", token);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("BotError", json.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains(history.GetProperty("activities").EnumerateArray(), a => a.TryGetProperty("channelData", out var cd) && cd.GetProperty("clientActivityID").GetString() == "keep-me");
    }

    [Fact]
    public async Task PostActivity_BotHangs_Returns502AfterBotTimeout()
    {
        var (conversationId, token) = await _host.StartConversationAsync();
        var started = new TaskCompletionSource();
        _host.Bot.OnMessage = async (_, ct) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
        };

        var post = _host.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities", token, DirectLineTestHost.UserMessage("slow"));
        await started.Task;
        _host.Time.Advance(TimeSpan.FromSeconds(16));
        var (response, json) = await post;

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("timed out", json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"text\":\"no type\"}")]
    [InlineData("")]
    public async Task PostActivity_BadBody_Returns400(string body)
    {
        var (conversationId, token) = await _host.StartConversationAsync();

        using var request = DirectLineTestHost.Request(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities", token, body.Length == 0 ? null : body);
        using var response = await _host.Http.SendAsync(request);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadArgument", json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task PostActivity_TooLarge_Returns413()
    {
        var (conversationId, token) = await _host.StartConversationAsync();

        var (response, json) = await _host.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities", token, DirectLineTestHost.UserMessage(new string('x', 300 * 1024)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("MessageSizeTooBig", json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task UnknownConversation_WithSecret_Returns404()
    {
        var (response, json) = await _host.SendAsync(HttpMethod.Get, "v3/directline/conversations/nope/activities", DirectLineTestHost.Secret);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ConversationNotFound", json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Preflight_AllowsDirectLineJsHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "v3/directline/conversations");
        request.Headers.Add("Origin", "https://patient.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,x-ms-bot-agent");

        using var response = await _host.Http.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode);
        var allowed = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers"));
        foreach (var header in new[] { "Authorization", "Content-Type", "Accept", "x-ms-bot-agent" })
        {
            Assert.Contains(header, allowed, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Upload_IsRefusedClearly()
    {
        var (conversationId, token) = await _host.StartConversationAsync();

        var (response, json) = await _host.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/upload?userId=dl_patient1", token, "{}");

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Equal("NotImplemented", json.GetProperty("error").GetProperty("code").GetString());
    }
}
