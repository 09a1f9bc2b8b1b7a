using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.Tokens;

namespace CoachBot.Host.Tests.Security;

/// <summary>
/// Issue 21 item 8: what a client may not do or learn: send the bot's own check-in event, speak for another user in a
/// Direct Line conversation, read why its token failed, write lines into the log, or make the host use plain http.
/// </summary>
public sealed class ClientInputTests
{
    private const string OwnUrl = "https://bot.example.test/";
    private const string Secret = "test-secret-that-is-long-enough-0123456789";

    [Fact]
    public async Task DirectLine_ClientCannotSendTheProactiveCheckInEvent()
    {
        await using var host = SecureHost.Create(extra: ("DirectLine:ServiceUrl", OwnUrl));
        using var client = host.CreateClient();
        var (conversationId, token) = await StartAsync(client, userId: "dl_patient");

        using var forged = await PostAsync(client, conversationId, token, new { type = "event", name = "ContinueConversation" });
        using var alsoForged = await PostAsync(client, conversationId, token, new { type = "event", name = "CreateConversation" });
        using var ordinary = await PostAsync(client, conversationId, token, new { type = "event", name = "webchat/join" });

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, alsoForged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ordinary.StatusCode);
    }

    [Fact]
    public async Task Messages_ReservedEventFromTheWire_IsRefused()
    {
        await using var host = SecureHost.Create(extra: ("Bot:AllowAnonymous", "true"));
        using var client = host.CreateClient();
        var activity = SecureHost.TeamsMessage("http://127.0.0.1:9/");
        activity.Type = "event";
        activity.Name = "ContinueConversation";
        activity.Text = null;

        using var response = await SecureHost.PostMessagesAsync(client, activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Outbound.Calls);
    }

    [Fact]
    public async Task DirectLine_TokenNamingAUser_SpeaksAsThatUserWhateverFromIdSays()
    {
        await using var host = SecureHost.Create(extra: ("DirectLine:ServiceUrl", OwnUrl));
        using var client = host.CreateClient();
        var (conversationId, token) = await StartAsync(client, userId: "dl_alice");

        using var asBob = await PostAsync(client, conversationId, token, new { type = "message", text = "hi", from = new { id = "dl_bob" } });
        using var unnamed = await PostAsync(client, conversationId, token, new { type = "message", text = "hi" });
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities");
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var history = JsonDocument.Parse(await (await client.SendAsync(read)).Content.ReadAsStringAsync()).RootElement.GetProperty("activities");

        Assert.Equal(HttpStatusCode.OK, asBob.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unnamed.StatusCode);
        var senders = history.EnumerateArray().Where(a => a.GetProperty("from").GetProperty("role").GetString() == "user").Select(a => a.GetProperty("from").GetProperty("id").GetString()).ToList();
        Assert.Equal(["dl_alice", "dl_alice"], senders);
    }

    [Fact]
    public async Task DirectLine_TokenNamingNoUser_PinsTheFirstUser()
    {
        await using var host = SecureHost.Create(extra: ("DirectLine:ServiceUrl", OwnUrl));
        using var client = host.CreateClient();
        var (conversationId, token) = await StartAsync(client, userId: null);

        using var first = await PostAsync(client, conversationId, token, new { type = "message", text = "hi", from = new { id = "dl_alice" } });
        using var second = await PostAsync(client, conversationId, token, new { type = "message", text = "hi", from = new { id = "dl_mallory" } });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
    }

    [Fact]
    public async Task Messages_401_DoesNotSayWhyTheTokenFailed_TheLogDoes()
    {
        await using var authority = await BotAuthority.StartAsync();
        await using var host = SecureHost.Create(authority: authority);
        using var client = host.CreateClient();
        const string serviceUrl = "https://connector.test/";
        var forged = new[]
        {
            BotAuthority.ChannelToken(serviceUrl, key: BotAuthority.ForgerKey),
            BotAuthority.ChannelToken(serviceUrl, expiresIn: TimeSpan.FromHours(-1)),
            BotAuthority.ChannelToken("https://elsewhere.test/"),
            BotAuthority.ChannelToken(serviceUrl, algorithm: SecurityAlgorithms.RsaSsaPssSha256),
            "not-a-token",
        };

        var bodies = new List<string>();
        foreach (var token in forged)
        {
            using var response = await SecureHost.PostMessagesAsync(client, SecureHost.TeamsMessage(serviceUrl), token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.Single(bodies.Distinct(StringComparer.Ordinal));
        Assert.Contains("Authorization has been denied", bodies[0], StringComparison.Ordinal);
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("serviceurl claim does not match", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("malformed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Logs_ClientStrings_CannotStartALogLine()
    {
        await using var authority = await BotAuthority.StartAsync();
        await using var host = SecureHost.Create(authority: authority);
        using var client = host.CreateClient();
        var activity = SecureHost.TeamsMessage("https://connector.test/", channelId: "msteams\r\nFAKE audit: coach sam acknowledged everything" + new string('x', 500));

        using var response = await SecureHost.PostMessagesAsync(client, activity, "not-a-token");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var refused = Assert.Single(host.Logs.Entries, e => e.Message.Contains("Inbound authentication refused", StringComparison.Ordinal));
        Assert.DoesNotContain('\n', refused.Message);
        Assert.DoesNotContain('\r', refused.Message);
        Assert.DoesNotContain(new string('x', 100), refused.Message, StringComparison.Ordinal);
        Assert.All(host.Logs.Entries, e => Assert.DoesNotContain("\nFAKE", e.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Coaches:TeamsChannel:ServiceUrl", "http://smba.example.test/amer/", "Coaches:TeamsChannel:ServiceUrl")]
    [InlineData("Storage:AzureBlob:ConnectionString", "DefaultEndpointsProtocol=http;AccountName=clinic;AccountKey=a2V5", "Storage:AzureBlob:ConnectionString")]
    [InlineData("Storage:AzureBlob:ConnectionString", "BlobEndpoint=http://10.0.0.5:10000/clinic;SharedAccessSignature=sv=1&sig=x", "Storage:AzureBlob:ConnectionString")]
    [InlineData("Storage:AzureBlob:AccountUrl", "http://clinic.blob.core.windows.net", "Storage:AzureBlob:AccountUrl")]
    public void Start_PlainHttpOutsideLoopback_FailsNamingTheKey(string key, string value, string expected)
    {
        var extra = new List<(string, string?)> { (key, value) };
        if (key.StartsWith("Coaches:", StringComparison.Ordinal))
        {
            extra.Add(("Coaches:TeamsChannel:ConversationId", "19:channel@thread.tacv2"));
        }
        else
        {
            extra.Add(("Storage:Provider", "AzureBlob"));
            if (key.EndsWith("AccountUrl", StringComparison.Ordinal))
            {
                extra.Add(("Storage:AzureBlob:Sas", "sv=1&sig=x"));
            }
        }

        using var host = SecureHost.Create(extra: [.. extra]);

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        var text = HostStartupTests.Flatten(error);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Contains("https", text, StringComparison.Ordinal);
    }

    private static async Task<(string ConversationId, string Token)> StartAsync(HttpClient client, string? userId)
    {
        using var generate = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
        generate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        if (userId is not null)
        {
            generate.Content = new StringContent(JsonSerializer.Serialize(new { user = new { id = userId } }), Encoding.UTF8, "application/json");
        }

        var token = JsonDocument.Parse(await (await client.SendAsync(generate)).Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await client.SendAsync(start);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return (JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("conversationId").GetString()!, token);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string conversationId, string token, object activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Content = new StringContent(JsonSerializer.Serialize(activity), Encoding.UTF8, "application/json");
        return await client.SendAsync(request);
    }
}
