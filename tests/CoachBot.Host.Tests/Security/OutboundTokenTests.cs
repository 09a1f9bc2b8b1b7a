using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoachBot.Host.Tests.Security;

/// <summary>
/// Issue 21 items 2 and 3: the bot's outbound tokens go only to service URLs it trusts, never to one a client chose
/// with a Host header, an Emulator token or a token from another tenant.
/// </summary>
public sealed class OutboundTokenTests : IAsyncLifetime
{
    // Not a Microsoft connector host: trusted only once an authenticated channel token names it.
    private const string TeamsServiceUrl = "https://connector.test/amer/";
    private const string EmulatorServiceUrl = "https://emulator-sink.test/";

    private BotAuthority _authority = null!;

    public async Task InitializeAsync() => _authority = await BotAuthority.StartAsync();

    public async Task DisposeAsync() => await _authority.DisposeAsync();

    /// <summary>
    /// An in-memory server has no local IP address, as a Unix socket has none: the Direct Line used to build its
    /// serviceUrl from the Host header, gave that host its own credential, and after 64 hosts the Entra token.
    /// </summary>
    [Fact]
    public async Task DirectLine_SpoofedHostHeaders_NeverReceiveABotToken()
    {
        await using var host = SecureHost.Create(authority: _authority);
        host.CreateClient().Dispose();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 70; i++)
        {
            using var client = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://spoofed-{i}.test/") });
            var token = JsonDocument.Parse(await (await client.PostAsync(new Uri("/api/webchat/token", UriKind.Relative), null)).Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
            using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
            start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var started = await client.SendAsync(start);
            answers.Add(started.StatusCode);
            if (i == 0 && started.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Assert.Contains("DirectLine:ServiceUrl", await started.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.DoesNotContain(host.Outbound.Calls, c => c.Url.Host.StartsWith("spoofed-", StringComparison.Ordinal));
        Assert.All(answers, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("DirectLine:ServiceUrl is not configured", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DirectLine_ConfiguredServiceUrl_IsTheOnlyOneUsed_WhateverTheHostHeader()
    {
        const string own = "https://bot.example.test/";
        await using var host = SecureHost.Create(authority: _authority, extra: ("DirectLine:ServiceUrl", own));
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://spoofed.test/") });

        var token = JsonDocument.Parse(await (await client.PostAsync(new Uri("/api/webchat/token", UriKind.Relative), null)).Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await client.SendAsync(start);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var conversationId = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("conversationId").GetString();
        using var get = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities");
        get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var history = await client.SendAsync(get);

        // The welcome is handed to the conversation in process: no HTTP call leaves the host, to any URL.
        Assert.Contains("\"role\":\"bot\"", await history.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(host.Outbound.Calls);
    }

    [Fact]
    public async Task Teams_ReplyCarriesTheToken_OnlyToTheServiceUrlTheChannelTokenNamed()
    {
        await using var host = SecureHost.Create(authority: _authority);
        using var client = host.CreateClient();
        var activity = SecureHost.TeamsMessage(TeamsServiceUrl);

        using var response = await SecureHost.PostMessagesAsync(client, activity, BotAuthority.ChannelToken(TeamsServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(host.Outbound.Calls, c => c.Url.ToString().StartsWith(TeamsServiceUrl, StringComparison.Ordinal) && c.Authorization == "Bearer " + BotAuthority.OutboundToken);
    }

    [Fact]
    public async Task Teams_ReplayedTokenWithAnotherServiceUrl_IsRefused()
    {
        await using var host = SecureHost.Create(authority: _authority);
        using var client = host.CreateClient();
        var token = BotAuthority.ChannelToken(TeamsServiceUrl);

        using var replayed = await SecureHost.PostMessagesAsync(client, SecureHost.TeamsMessage("https://attacker.test/"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Empty(host.Outbound.Calls);
    }

    [Fact]
    public async Task Emulator_ServiceUrl_IsNeverSentTheBotsToken()
    {
        await using var host = SecureHost.Create(authority: _authority, extra: ("Bot:AllowEmulatorTokens", "true"));
        using var client = host.CreateClient();

        using var response = await SecureHost.PostMessagesAsync(client, SecureHost.TeamsMessage(EmulatorServiceUrl, channelId: "emulator"), BotAuthority.EmulatorToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(host.Outbound.Calls, c => c.Url.Host == "emulator-sink.test");
    }

    [Fact]
    public async Task Emulator_TokensAreOffInProductionUnlessConfigured()
    {
        await using var off = SecureHost.Create(authority: _authority);
        await using var on = SecureHost.Create(authority: _authority, extra: ("Bot:AllowEmulatorTokens", "true"));
        using var offClient = off.CreateClient();
        using var onClient = on.CreateClient();

        using var refused = await SecureHost.PostMessagesAsync(offClient, SecureHost.TeamsMessage(EmulatorServiceUrl, channelId: "emulator"), BotAuthority.EmulatorToken());
        using var accepted = await SecureHost.PostMessagesAsync(onClient, SecureHost.TeamsMessage(EmulatorServiceUrl, channelId: "emulator"), BotAuthority.EmulatorToken());

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains(on.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains("Bot:AllowEmulatorTokens is true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Emulator_IssuerOfTheTokensOwnTenant_IsRefused_OnlyTheConfiguredTenantCounts()
    {
        const string otherTenant = "99999999-8888-7777-6666-555555555555";
        await using var host = SecureHost.Create(authority: _authority, extra: ("Bot:AllowEmulatorTokens", "true"));
        using var client = host.CreateClient();

        using var foreign = await SecureHost.PostMessagesAsync(client, SecureHost.TeamsMessage(EmulatorServiceUrl, channelId: "emulator"), BotAuthority.EmulatorToken($"https://sts.windows.net/{otherTenant}/", otherTenant));
        using var ours = await SecureHost.PostMessagesAsync(client, SecureHost.TeamsMessage(EmulatorServiceUrl, channelId: "emulator"), BotAuthority.EmulatorToken($"https://sts.windows.net/{BotAuthority.TenantId}/", BotAuthority.TenantId));

        Assert.Equal(HttpStatusCode.Unauthorized, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
    }
}
