using System.Collections.Concurrent;
using CoachBot.Channels.Auth;
using CoachBot.Channels.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Identity.Client;
using Microsoft.Extensions.Options;

namespace CoachBot.Channels.Tests.Auth;

/// <summary>Outbound tokens through real MSAL, whose HTTP goes to a local token endpoint via IMsalHttpClientFactory.</summary>
public sealed class BotFrameworkTokenProviderTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Path, IFormCollection Form)> _requests = new();
    private readonly FakeTimeProvider _time = new();
    private LocalHttpServer _server = null!;
    private int _issued;

    public async Task InitializeAsync() => _server = await LocalHttpServer.StartAsync(app =>
    {
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            _requests.Enqueue((context.Request.Path.Value!, form));
            var n = Interlocked.Increment(ref _issued);
            return Results.Json(new Dictionary<string, object> { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["ext_expires_in"] = 3600, ["access_token"] = "token-" + n });
        });
        app.MapFallback((HttpContext context) => Results.Json(new { error = "not_found", path = context.Request.Path.Value }, statusCode: 404));
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetToken_SingleTenant_RequestsClientCredentialsFromTenant()
    {
        using var sut = Create(new BotFrameworkAuthenticationOptions { MicrosoftAppId = "app-1", MicrosoftAppPassword = "pw-1", MicrosoftAppTenantId = "tenant-1" });

        var token = await sut.GetTokenAsync("https://smba.trafficmanager.net/amer/");

        Assert.Equal("token-1", token);
        var (path, form) = Assert.Single(_requests);
        Assert.Equal("/tenant-1/oauth2/v2.0/token", path);
        Assert.Equal("client_credentials", form["grant_type"].ToString());
        Assert.Equal("app-1", form["client_id"].ToString());
        Assert.Equal("pw-1", form["client_secret"].ToString());
        Assert.Contains("https://api.botframework.com/.default", form["scope"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetToken_MultiTenant_UsesBotFrameworkTenant()
    {
        using var sut = Create(new BotFrameworkAuthenticationOptions { MicrosoftAppType = "multitenant", MicrosoftAppId = "app-1", MicrosoftAppPassword = "pw-1" });

        await sut.GetTokenAsync("https://smba.trafficmanager.net/amer/");

        Assert.Equal("/botframework.com/oauth2/v2.0/token", Assert.Single(_requests).Path);
    }

    [Fact]
    public async Task GetToken_Repeated_IsCachedUntilFiveMinutesBeforeExpiry()
    {
        using var sut = Create(new BotFrameworkAuthenticationOptions { MicrosoftAppId = "app-1", MicrosoftAppPassword = "pw-1", MicrosoftAppTenantId = "tenant-1" });

        var first = await sut.GetTokenAsync("https://smba.trafficmanager.net/amer/");
        _time.Advance(TimeSpan.FromMinutes(50));
        var cached = await sut.GetTokenAsync("https://smba.trafficmanager.net/amer/");
        _time.Advance(TimeSpan.FromMinutes(6));
        var renewed = await sut.GetTokenAsync("https://smba.trafficmanager.net/amer/");

        Assert.Equal("token-1", first);
        Assert.Equal("token-1", cached);
        Assert.Equal("token-2", renewed);
        Assert.Equal(2, _requests.Count);
    }

    [Fact]
    public async Task GetToken_ManyConcurrentCallers_MakeOneRequest()
    {
        using var sut = Create(new BotFrameworkAuthenticationOptions { MicrosoftAppId = "app-1", MicrosoftAppPassword = "pw-1", MicrosoftAppTenantId = "tenant-1" });

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => sut.GetTokenAsync("https://smba.trafficmanager.net/amer/")));

        Assert.All(tokens, t => Assert.Equal("token-1", t));
        Assert.Single(_requests);
    }

    private BotFrameworkTokenProvider Create(BotFrameworkAuthenticationOptions options)
    {
        var source = new MsalClientCredentialTokenSource(Options.Create(options), new LocalMsalHttpClientFactory(new Uri(_server.BaseUrl)));
        return new BotFrameworkTokenProvider(source, _time, new CoachBot.Protocol.Auth.TrustedServiceUrls());
    }
}
