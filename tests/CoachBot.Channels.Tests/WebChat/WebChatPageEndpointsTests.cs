using System.Net;
using CoachBot.Channels.Tests.Support;

namespace CoachBot.Channels.Tests.WebChat;

public sealed class WebChatPageEndpointsTests : IAsyncLifetime
{
    private DirectLineTestHost _host = null!;

    public async Task InitializeAsync() => _host = await DirectLineTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Root_ReturnsAccessiblePageWithPolicy()
    {
        using var response = await _host.Http.GetAsync("");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<main", html, StringComparison.Ordinal);
        Assert.Contains("/webchat/lib/webchat.js", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain(DirectLineTestHost.Secret, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebChatBundle_IsServedFromTheAssembly()
    {
        using var response = await _host.Http.GetAsync("webchat/lib/webchat.js");
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.Length > 1_000_000);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task UnknownAsset_Returns404()
    {
        using var response = await _host.Http.GetAsync("webchat/../CoachBot.Channels.dll");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Token_IssuesDlUserBoundTokenThatStartsItsConversation()
    {
        var (response, json) = await _host.SendAsync(HttpMethod.Post, "api/webchat/token", null);
        var token = json.GetProperty("token").GetString()!;
        var (start, started) = await _host.SendAsync(HttpMethod.Post, "v3/directline/conversations", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("dl_", json.GetProperty("userId").GetString(), StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        Assert.Equal(json.GetProperty("conversationId").GetString(), started.GetProperty("conversationId").GetString());
        Assert.Contains(_host.Bot.Received, a => a.MembersAdded?.Any(m => m.Id == json.GetProperty("userId").GetString()) == true);
    }
}
