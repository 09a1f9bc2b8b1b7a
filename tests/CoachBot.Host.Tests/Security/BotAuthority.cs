using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CoachBot.Testing.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Identity.Client;
using Microsoft.IdentityModel.Tokens;

namespace CoachBot.Host.Tests.Security;

/// <summary>
/// A local stand-in for the Bot Framework and Entra identity endpoints on 127.0.0.1: OpenID metadata and signing keys
/// for channel tokens (<c>/bf</c>, one key endorsed for msteams) and Emulator tokens (<c>/aad</c>), and the client
/// credentials endpoint the bot gets its own outbound token from (always <see cref="OutboundToken"/>).
/// </summary>
internal sealed class BotAuthority : IAsyncDisposable
{
    public const string AppId = "00000000-1111-2222-3333-444444444444";
    public const string AppPassword = "test-app-password";
    public const string TenantId = "11111111-2222-3333-4444-555555555555";
    public const string OutboundToken = "entra-bot-token";
    public const string BotFrameworkEmulatorIssuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";

    private static readonly Lazy<RsaSecurityKey> ChannelKeyValue = new(() => new RsaSecurityKey(RSA.Create(2048)) { KeyId = "channel-1" });
    private static readonly Lazy<RsaSecurityKey> EmulatorKeyValue = new(() => new RsaSecurityKey(RSA.Create(2048)) { KeyId = "aad-1" });
    private static readonly Lazy<RsaSecurityKey> ForgerKeyValue = new(() => new RsaSecurityKey(RSA.Create(2048)) { KeyId = "channel-1" });

    private readonly WebApplication _app;

    private BotAuthority(WebApplication app)
    {
        _app = app;
        BaseUrl = app.Urls.Single().TrimEnd('/');
    }

    public string BaseUrl { get; }

    public static RsaSecurityKey ChannelKey => ChannelKeyValue.Value;

    public static RsaSecurityKey EmulatorKey => EmulatorKeyValue.Value;

    /// <summary>A key with the channel key's id that the authority never published.</summary>
    public static RsaSecurityKey ForgerKey => ForgerKeyValue.Value;

    /// <summary>The settings that make the host validate tokens against this authority and fetch its token here.</summary>
    public Dictionary<string, string?> Settings() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["MicrosoftAppType"] = "SingleTenant",
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = AppPassword,
        ["MicrosoftAppTenantId"] = TenantId,
        ["BotOpenIdMetadata"] = BaseUrl + "/bf/.well-known/openidconfiguration",
        ["EmulatorOpenIdMetadata"] = BaseUrl + "/aad/.well-known/openid-configuration",
    };

    /// <summary>Sends MSAL's requests (addressed to login.microsoftonline.com) here.</summary>
    public IMsalHttpClientFactory MsalHttp() => new RedirectingMsalFactory(new Uri(BaseUrl));

    public static async Task<BotAuthority> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/{kind}/.well-known/{name}", (string kind, HttpContext context) =>
            Results.Text(TestJwt.Metadata($"http://{context.Request.Host}/{kind}/keys"), "application/json"));
        app.MapGet("/bf/keys", () => Results.Text(TestJwt.Jwks([(ChannelKey, ["msteams"])]), "application/json"));
        app.MapGet("/aad/keys", () => Results.Text(TestJwt.Jwks([(EmulatorKey, null)]), "application/json"));
        app.MapPost("/{tenant}/oauth2/v2.0/token", () => Results.Text(
            new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["ext_expires_in"] = 3600, ["access_token"] = OutboundToken }.ToJsonString(), "application/json"));
        await app.StartAsync();
        return new BotAuthority(app);
    }

    /// <summary>A Bot Framework channel token, as Azure Bot Service signs it for <paramref name="serviceUrl"/>.</summary>
    public static string ChannelToken(string serviceUrl, SecurityKey? key = null, TimeSpan? expiresIn = null, string algorithm = SecurityAlgorithms.RsaSha256) =>
        Create(key ?? ChannelKey, "https://api.botframework.com", AppId, new Dictionary<string, object> { ["serviceurl"] = serviceUrl }, expiresIn, algorithm);

    /// <summary>An Emulator (Entra-issued, v1) token carrying the bot's app id, from <paramref name="issuer"/>.</summary>
    public static string EmulatorToken(string issuer = BotFrameworkEmulatorIssuer, string? tenant = null)
    {
        var claims = new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = AppId };
        if (tenant is not null)
        {
            claims["tid"] = tenant;
        }

        return Create(EmulatorKey, issuer, "https://api.botframework.com", claims, null, SecurityAlgorithms.RsaSha256);
    }

    private static string Create(SecurityKey key, string issuer, string audience, Dictionary<string, object> claims, TimeSpan? expiresIn, string algorithm)
    {
        var expires = TimeProvider.System.GetUtcNow() + (expiresIn ?? TimeSpan.FromHours(1));
        return TestJwt.CreateToken(key, issuer, audience, claims, expires - TimeSpan.FromHours(2), expires, algorithm);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class RedirectingMsalFactory(Uri local) : IMsalHttpClientFactory, IDisposable
    {
        private readonly HttpClient _client = new(new Redirect(local) { InnerHandler = new HttpClientHandler() });

        public HttpClient GetHttpClient() => _client;

        public void Dispose() => _client.Dispose();

        private sealed class Redirect(Uri local) : DelegatingHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = local.Scheme, Host = local.Host, Port = local.Port }.Uri;
                return base.SendAsync(request, cancellationToken);
            }
        }
    }
}

/// <summary>
/// Stands in for the network under the bot's connector client: records every outbound call (URL and Authorization) and
/// answers 200, so a test sees exactly where the bot would have sent its token.
/// </summary>
internal sealed class OutboundRecorder : HttpMessageHandler
{
    private readonly Lock _gate = new();
    private readonly List<(Uri Url, string? Authorization)> _calls = [];

    public IReadOnlyList<(Uri Url, string? Authorization)> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _calls.Add((request.RequestUri!, request.Headers.Authorization?.ToString()));
        }

        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"id\":\"sent-1\"}", System.Text.Encoding.UTF8, "application/json") });
    }
}
