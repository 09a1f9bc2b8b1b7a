using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CoachBot.Testing;
using Microsoft.Extensions.Logging;

namespace CoachBot.Host.Tests.Security;

/// <summary>Issue 21 item 1: POST /api/messages takes anonymous requests only where a setting (or Development) says so.</summary>
public sealed class AnonymousAccessTests
{
    private const string ConnectorUrl = "http://127.0.0.1:9/connector/";

    [Fact]
    public async Task Production_WithoutTheSetting_RefusesRequestsWithoutCredentials()
    {
        await using var host = SecureHost.Create();
        using var client = host.CreateClient();

        using var response = await SecureHost.PostMessagesAsync(client, SecureHost.TeamsMessage(ConnectorUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Outbound.Calls);
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("refuses every request", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Production_WithTheSetting_AcceptsAndWarnsAtStart()
    {
        await using var host = SecureHost.Create(extra: ("Bot:AllowAnonymous", "true"));
        using var client = host.CreateClient();

        using var response = await SecureHost.PostMessagesAsync(client, SecureHost.TeamsMessage(ConnectorUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(host.Outbound.Calls, c => c.Url.ToString().StartsWith(ConnectorUrl, StringComparison.Ordinal) && c.Authorization is null);
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Bot:AllowAnonymous is true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Development_DefaultsToAnonymous_AndSaysSoAtStart()
    {
        await using var host = SecureHost.Create(environment: "Development");
        using var client = host.CreateClient();

        using var response = await SecureHost.PostMessagesAsync(client, SecureHost.TeamsMessage(ConnectorUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("accepts anonymous requests (Development default", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Development_SettingFalse_Refuses()
    {
        await using var host = SecureHost.Create(environment: "Development", extra: ("Bot:AllowAnonymous", "false"));
        using var client = host.CreateClient();

        using var response = await SecureHost.PostMessagesAsync(client, SecureHost.TeamsMessage(ConnectorUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TheSettingWithAnAppId_FailsAtStartNamingTheKey()
    {
        await using var authority = await BotAuthority.StartAsync();
        await using var host = SecureHost.Create(authority: authority, extra: ("Bot:AllowAnonymous", "true"));

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("Bot:AllowAnonymous", HostStartupTests.Flatten(error), StringComparison.Ordinal);
        Assert.Contains("MicrosoftAppId", HostStartupTests.Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAnAppId_RequestsWithoutCredentials_AreRefused()
    {
        await using var authority = await BotAuthority.StartAsync();
        await using var host = SecureHost.Create(environment: "Development", authority: authority);
        using var client = host.CreateClient();

        using var response = await SecureHost.PostMessagesAsync(client, SecureHost.TeamsMessage(ConnectorUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Outbound.Calls);
    }

    /// <summary>The real host process in Production without the setting: the web chat still gets the bot's answers.</summary>
    [Fact]
    public async Task BuiltInDirectLine_WorksWithoutTheSetting()
    {
        await using var host = await HostProcess.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };

        using var anonymous = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(JsonSerializer.Serialize(new
        {
            type = "message", id = "m1", channelId = "msteams", serviceUrl = "http://127.0.0.1:9/", text = "hi",
            from = new { id = "29:x" }, recipient = new { id = "28:bot" }, conversation = new { id = "a:1" },
        }), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var session = JsonDocument.Parse(await (await http.PostAsync(new Uri("/api/webchat/token", UriKind.Relative), null)).Content.ReadAsStringAsync()).RootElement;
        var token = session.GetProperty("token").GetString()!;
        var conversationId = session.GetProperty("conversationId").GetString()!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Created, (await http.SendAsync(start)).StatusCode);
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities");
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        post.Content = new StringContent("{\"type\":\"message\",\"text\":\"hello\"}", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(post)).StatusCode);

        using var read = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities");
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var history = JsonDocument.Parse(await (await http.SendAsync(read)).Content.ReadAsStringAsync()).RootElement.GetProperty("activities");
        Assert.Contains(history.EnumerateArray(), a => a.GetProperty("from").GetProperty("role").GetString() == "bot" && a.GetProperty("type").GetString() == "message");
        Assert.Contains("refuses every request", host.Output, StringComparison.Ordinal);
    }
}
