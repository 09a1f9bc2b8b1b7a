using System.Collections.Concurrent;
using CoachBot.Channels.Auth;
using CoachBot.Channels.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Identity.Client;
using Microsoft.Extensions.Options;

namespace CoachBot.Channels.Tests.Auth;

/// <summary>
/// UserAssignedMSI through real MSAL: its request to the Azure instance metadata endpoint (IMDS) is answered by a
/// local stand-in, so the request shape and the token handling are checked without a cloud.
/// </summary>
public sealed class ManagedIdentityTokenTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<HttpRequestSnapshot> _requests = new();
    private readonly FakeTimeProvider _time = new();
    private LocalHttpServer _server = null!;
    private int _issued;

    public async Task InitializeAsync() => _server = await LocalHttpServer.StartAsync(app =>
    {
        app.MapGet("/metadata/identity/oauth2/token", (HttpContext context) =>
        {
            _requests.Enqueue(new HttpRequestSnapshot(
                context.Request.Path.Value!,
                context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
                context.Request.Headers["Metadata"].ToString()));
            var n = Interlocked.Increment(ref _issued);
            var expiresOn = TimeProvider.System.GetUtcNow() + TimeSpan.FromHours(1);
            return Results.Json(new Dictionary<string, object>
            {
                ["access_token"] = "msi-token-" + n,
                ["expires_on"] = expiresOn.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["resource"] = context.Request.Query["resource"].ToString(),
                ["token_type"] = "Bearer",
                ["client_id"] = context.Request.Query["client_id"].ToString(),
            });
        });
        app.MapFallback((HttpContext context) => Results.Json(new { error = "not_found", path = context.Request.Path.Value }, statusCode: 404));
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetToken_UserAssignedMsi_AsksImdsForTheBotFrameworkResourceWithTheClientId()
    {
        using var sut = Create();

        var token = await sut.GetTokenAsync("https://smba.trafficmanager.net/amer/");

        Assert.Equal("msi-token-1", token);
        var request = Assert.Single(_requests);
        Assert.Equal("https://api.botframework.com", request.Query["resource"]);
        Assert.Equal("msi-app-1", request.Query["client_id"]);
        Assert.Equal("true", request.MetadataHeader, ignoreCase: true);
    }

    [Fact]
    public async Task GetToken_UserAssignedMsi_IsCachedThenRenewedBeforeExpiry()
    {
        using var sut = Create();

        var first = await sut.GetTokenAsync("https://smba.trafficmanager.net/amer/");
        _time.Advance(TimeSpan.FromMinutes(50));
        var cached = await sut.GetTokenAsync("https://smba.trafficmanager.net/amer/");
        _time.Advance(TimeSpan.FromMinutes(6));
        var renewed = await sut.GetTokenAsync("https://smba.trafficmanager.net/amer/");

        Assert.Equal("msi-token-1", first);
        Assert.Equal("msi-token-1", cached);
        Assert.Equal("msi-token-2", renewed);
        Assert.Equal(2, _requests.Count);
    }

    private BotFrameworkTokenProvider Create()
    {
        var options = new BotFrameworkAuthenticationOptions { MicrosoftAppType = "UserAssignedMSI", MicrosoftAppId = "msi-app-1", MicrosoftAppTenantId = "tenant-1" };
        var source = new MsalManagedIdentityTokenSource(Options.Create(options), new LocalMsalHttpClientFactory(new Uri(_server.BaseUrl)));
        return new BotFrameworkTokenProvider(source, _time, new CoachBot.Protocol.Auth.TrustedServiceUrls());
    }

    private sealed record HttpRequestSnapshot(string Path, IReadOnlyDictionary<string, string> Query, string MetadataHeader);
}
