using System.Net;
using CoachBot.Testing;

namespace CoachBot.Host.Tests.Security;

/// <summary>
/// Issue 21 item 4: the rate limits, through HTTP against the real host (a child process on Kestrel) with small limits
/// from settings, one host per test.
/// </summary>
public sealed class RateLimitTests
{
    private static async Task<(HostProcess Host, HttpClient Http)> StartAsync(string key, string limit)
    {
        var host = await HostProcess.StartAsync(new Dictionary<string, string> { ["RateLimits:" + key + ":PermitLimit"] = limit });
        return (host, new HttpClient { BaseAddress = new Uri(host.BaseUrl) });
    }

    [Fact]
    public async Task WebChatTokens_PastTheLimit_Answer429WithRetryAfter_AndOtherRoutesStillAnswer()
    {
        var (host, http) = await StartAsync("WebChatToken", "3");
        await using var running = host;
        using var client = http;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await http.PostAsync(new Uri("/api/webchat/token", UriKind.Relative), null);
            statuses.Add(response.StatusCode);
            if (i == 4)
            {
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task DirectLineConversations_PastTheLimit_Answer429InTheDirectLineErrorShape()
    {
        var (host, http) = await StartAsync("DirectLineConversation", "4");
        await using var running = host;
        using var client = http;
        var statuses = new List<HttpStatusCode>();
        string? lastBody = null;
        for (var i = 0; i < 6; i++)
        {
            using var request = WebChatSession.Request(HttpMethod.Post, "/v3/directline/conversations", host.Secret);
            using var response = await http.SendAsync(request);
            statuses.Add(response.StatusCode);
            lastBody = await response.Content.ReadAsStringAsync();
        }

        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal("Throttled", WebChatSession.Json(lastBody!).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task ActivityPosts_AreLimitedPerConversation()
    {
        var (host, http) = await StartAsync("DirectLineActivity", "3");
        await using var running = host;
        using var client = http;
        var flooding = await WebChatSession.StartAsync(http);
        var other = await WebChatSession.StartAsync(http);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await flooding.SayAsync("hello " + i);
            statuses.Add(response.StatusCode);
        }

        using var fromOther = await other.SayAsync("hello");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, fromOther.StatusCode);
    }

    [Fact]
    public async Task StreamConnects_AreLimitedPerConversation()
    {
        var (host, http) = await StartAsync("DirectLineStream", "2");
        await using var running = host;
        using var client = http;
        using var request = WebChatSession.Request(HttpMethod.Post, "/v3/directline/conversations", host.Secret);
        using var started = await http.SendAsync(request);
        var streamUrl = new Uri(WebChatSession.Json(await started.Content.ReadAsStringAsync()).GetProperty("streamUrl").GetString()!);
        var path = streamUrl.PathAndQuery;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            // A plain GET, not a WebSocket upgrade: the limiter counts the attempt before the handler refuses it.
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(2));
        Assert.All(statuses.Skip(2), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task CoachLogins_PastTheLimit_Answer429BeforeAnyPasswordIsChecked()
    {
        var (host, http) = await StartAsync("CoachLogin", "3");
        await using var running = host;
        using var client = http;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await http.PostAsync(new Uri("/coach/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "sam@example.org", ["password"] = "guess " + i }));
            statuses.Add(response.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.All(statuses.Skip(3), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task ALimitOfZero_StopsStartUp_NamingTheKey()
    {
        await using var host = HostProcess.Launch(new Dictionary<string, string> { ["RateLimits:CoachLogin:PermitLimit"] = "0" });
        await host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, host.ExitCode);
        Assert.Contains("RateLimits:CoachLogin:PermitLimit", host.Output, StringComparison.Ordinal);
    }
}
