using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CoachBot.Channels.Auth;
using CoachBot.Channels.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
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
                var jwks = $"http://{context.Request.Host}/{kind}/keys";
                return Results.Text(new JsonObject { ["issuer"] = "x", ["jwks_uri"] = jwks, ["id_token_signing_alg_values_supported"] = new JsonArray("RS256") }.ToJsonString(), "application/json");
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
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore.UtcDateTime,
            NotBefore = notBefore.UtcDateTime,
            Expires = (now + (lifetime ?? TimeSpan.FromMinutes(60))).UtcDateTime,
            Claims = all,
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private void AddEmulatorKey(string kid) => _emulatorKeys.Add((new RsaSecurityKey(Rsa("emulator:" + kid)) { KeyId = kid }, null));

    public RsaSecurityKey EmulatorKey => _emulatorKeys[0].Key;

    private static string Jwks(List<(RsaSecurityKey Key, string[]? Endorsements)> keys)
    {
        var array = new JsonArray();
        lock (keys)
        {
            foreach (var (key, endorsements) in keys)
            {
                var parameters = key.Rsa.ExportParameters(false);
                var jwk = new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = key.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                };
                if (endorsements is not null)
                {
                    jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)e)]);
                }

                array.Add(jwk);
            }
        }

        return new JsonObject { ["keys"] = array }.ToJsonString();
    }
}
