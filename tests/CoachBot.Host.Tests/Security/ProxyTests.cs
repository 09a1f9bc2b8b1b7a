using System.Net;
using CoachBot.Testing;

namespace CoachBot.Host.Tests.Security;

/// <summary>
/// Issue 21 item 6, through HTTP against the real host: X-Forwarded-* is believed only from a configured proxy (here
/// the test itself, on 127.0.0.1), HSTS outside Development, <c>wss://</c> stream URLs behind a TLS proxy, and
/// <c>Cache-Control: no-store</c> on Direct Line reads.
/// </summary>
public sealed class ProxyTests
{
    private static readonly (string, string)[] FromTlsProxy = [("X-Forwarded-Proto", "https"), ("Host", "coachbot.example.org")];

    [Fact]
    public async Task FromAConfiguredProxy_HttpsIsBelieved_HstsIsSent_AndTheStreamUrlIsWss()
    {
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string> { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" });
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };

        using var health = await http.SendAsync(WebChatSession.Request(HttpMethod.Get, "/healthz", null, FromTlsProxy));
        var chat = await WebChatSession.StartAsync(http, FromTlsProxy);
        using var login = await http.SendAsync(WebChatSession.Request(HttpMethod.Get, "/coach/login", null, FromTlsProxy));

        Assert.Contains("max-age=31536000", health.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.StartsWith("wss://coachbot.example.org/v3/directline/conversations/", chat.StreamUrl, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.All(login.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task WithNoProxyConfigured_ForwardedHeadersAreIgnored()
    {
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string> { ["RateLimits:WebChatToken:PermitLimit"] = "1" });
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };

        using var health = await http.SendAsync(WebChatSession.Request(HttpMethod.Get, "/healthz", null, FromTlsProxy));
        var chat = await WebChatSession.StartAsync(http, FromTlsProxy);
        using var login = await http.SendAsync(WebChatSession.Request(HttpMethod.Get, "/coach/login", null, FromTlsProxy));

        Assert.False(health.Headers.Contains("Strict-Transport-Security"));
        Assert.StartsWith("ws://", chat.StreamUrl, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, login.StatusCode); // not https: coach pages refuse

        // A client cannot pose as many addresses to get round a per-address limit: X-Forwarded-For is not believed.
        using var spoofed = await http.SendAsync(WebChatSession.Request(HttpMethod.Post, "/api/webchat/token", null, ("X-Forwarded-For", "203.0.113.77")));
        Assert.Equal(HttpStatusCode.TooManyRequests, spoofed.StatusCode);
    }

    [Fact]
    public async Task FromAConfiguredProxy_EachForwardedClientHasItsOwnLimit()
    {
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["ForwardedHeaders:KnownNetworks:0"] = "127.0.0.0/8",
            ["RateLimits:WebChatToken:PermitLimit"] = "1",
        });
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };

        using var first = await http.SendAsync(WebChatSession.Request(HttpMethod.Post, "/api/webchat/token", null, ("X-Forwarded-For", "203.0.113.1")));
        using var again = await http.SendAsync(WebChatSession.Request(HttpMethod.Post, "/api/webchat/token", null, ("X-Forwarded-For", "203.0.113.1")));
        using var another = await http.SendAsync(WebChatSession.Request(HttpMethod.Post, "/api/webchat/token", null, ("X-Forwarded-For", "203.0.113.2")));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, another.StatusCode);
    }

    [Fact]
    public async Task DirectLineActivityReads_AndTokens_AreNoStore()
    {
        await using var host = await HostProcess.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        using var token = await http.PostAsync(new Uri("/api/webchat/token", UriKind.Relative), null);
        var chat = await WebChatSession.StartAsync(http);
        (await chat.SayAsync("hello")).Dispose();

        using var read = await chat.ReadAsync();

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.True(read.Headers.CacheControl?.NoStore, "activities: " + read.Headers.CacheControl);
        Assert.True(token.Headers.CacheControl?.NoStore, "token: " + token.Headers.CacheControl);
    }

    [Fact]
    public async Task ABadProxyAddress_StopsStartUp_NamingTheKey()
    {
        await using var host = HostProcess.Launch(new Dictionary<string, string> { ["ForwardedHeaders:KnownProxies:0"] = "not-an-address" });
        await host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, host.ExitCode);
        Assert.Contains("ForwardedHeaders:KnownProxies:0", host.Output, StringComparison.Ordinal);
    }
}
