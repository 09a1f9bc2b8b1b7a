using System.Collections.Concurrent;
using System.Security.Cryptography;
using CoachBot.Channels.Auth;
using CoachBot.Channels.Tests.Support;
using CoachBot.Testing.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace CoachBot.Channels.Tests.Auth;

/// <summary>
/// A local stand-in for the Bot Framework and Entra OpenID endpoints, with its own RSA keys, and a token
/// factory that signs like them (or deliberately wrong).
/// </summary>
public sealed class OpenIdTestAuthority : IAsyncDisposable
{
    public const string AppId = "00000000-1111-2222-3333-444444444444";
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    // RSA key generation is slow; each named key is made once per test run.
    private static readonly ConcurrentDictionary<string, RSA> Rsas = new(StringComparer.Ordinal);

    private readonly List<(RsaSecurityKey Key, string[]? Endorsements)> _channelKeys = [];
    private readonly List<(RsaSecurityKey Key, string[]? Endorsements)> _emulatorKeys = [];
    private LocalHttpServer _server = null!;

    private int _metadataRequests;

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public string ChannelMetadataUrl => _server.BaseUrl + "/bf/.well-known/openidconfiguration";

    public string EmulatorMetadataUrl => _server.BaseUrl + "/aad/.well-known/openid-configuration";

    public static async Task<OpenIdTestAuthority> StartAsync()
    {
        var authority = new OpenIdTestAuthority();
        authority.AddChannelKey("channel-1", ["msteams", "directline"]);
        authority.AddChannelKey("channel-noendorse", null);
        authority.AddEmulatorKey("aad-1");
        authority._server = await LocalHttpServer.StartAsync(app =>
        {
            app.MapGet("/{kind}/.well-known/{name}", (string kind, HttpContext context) =>
            {
                Interlocked.Increment(ref authority._metadataRequests);
                return Results.Text(TestJwt.Metadata($"http://{context.Request.Host}/{kind}/keys"), "application/json");
            });
            app.MapGet("/{kind}/keys", (string kind) => Results.Text(Jwks(kind == "bf" ? authority._channelKeys : authority._emulatorKeys), "application/json"));
        });
        return authority;
    }

    public RsaSecurityKey AddChannelKey(string kid, string[]? endorsements)
    {
        var key = new RsaSecurityKey(Rsa("authority:" + kid)) { KeyId = kid };
        lock (_channelKeys)
        {
            _channelKeys.Add((key, endorsements));
        }

        return key;
    }

    public RsaSecurityKey ChannelKey(string kid) => _channelKeys.Single(k => k.Key.KeyId == kid).Key;

    public static RsaSecurityKey NewKey(string kid) => new(Rsa("other:" + kid)) { KeyId = kid };

    private static RSA Rsa(string name) => Rsas.GetOrAdd(name, _ => RSA.Create(2048));

    public static string CreateToken(
        SecurityKey key,
        DateTimeOffset now,
        string issuer = BotFrameworkAuthenticationOptions.ChannelIssuer,
        string audience = AppId,
        string? serviceUrl = ServiceUrl,
        string serviceUrlClaim = "serviceurl",
        TimeSpan? lifetime = null,
        TimeSpan? startsIn = null,
        string algorithm = SecurityAlgorithms.RsaSha256,
        IDictionary<string, object>? claims = null)
    {
        var all = new Dictionary<string, object>(claims ?? new Dictionary<string, object>());
        if (serviceUrl is not null)
        {
            all[serviceUrlClaim] = serviceUrl;
        }

        var notBefore = now + (startsIn ?? TimeSpan.FromMinutes(-1));
        return TestJwt.CreateToken(key, issuer, audience, all, notBefore, now + (lifetime ?? TimeSpan.FromMinutes(60)), algorithm);
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private void AddEmulatorKey(string kid) => _emulatorKeys.Add((new RsaSecurityKey(Rsa("emulator:" + kid)) { KeyId = kid }, null));

    public RsaSecurityKey EmulatorKey => _emulatorKeys[0].Key;

    private static string Jwks(List<(RsaSecurityKey Key, string[]? Endorsements)> keys)
    {
        lock (keys)
        {
            return TestJwt.Jwks(keys);
        }
    }
}
