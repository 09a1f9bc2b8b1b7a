using System.Security.Claims;
using System.Text.Json;
using CoachBot.Protocol.Auth;
using CoachBot.Protocol.Diagnostics;
using CoachBot.Protocol.Hosting;
using CoachBot.Protocol.Schema;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoachBot.Channels.Auth;

/// <summary>
/// Validates the Bot Framework JWT on POST /api/messages (protocol brief 3.1-3.2): channel tokens
/// (issuer https://api.botframework.com, audience = MicrosoftAppId, signing key endorsed for the activity's
/// channel, <c>serviceurl</c> claim equal to activity.serviceUrl) and Emulator/Entra tokens (known issuers,
/// app id in <c>appid</c>/<c>azp</c> by <c>ver</c>). RS256/384/512 only, 5 minutes of clock skew.
/// Emulator tokens only when <see cref="InboundAccess.AllowsEmulatorTokens"/>, and only from the Bot Framework's or the
/// configured tenant's issuers. The serviceUrl of a validated channel token becomes trusted for the bot's token;
/// that of an Emulator token does not. Any failure throws <see cref="UnauthorizedAccessException"/> (answered 401,
/// the reason logged by the endpoint).
/// </summary>
internal sealed class BotFrameworkJwtAuthenticator : IInboundAuthenticator, IDisposable
{
    internal static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly BotFrameworkAuthenticationOptions _options;
    private readonly OpenIdKeyCache _channelKeys;
    private readonly OpenIdKeyCache _emulatorKeys;
    private readonly TimeProvider _time;
    private readonly InboundAccess _access;
    private readonly TrustedServiceUrls _trusted;
    private readonly string[] _emulatorIssuers;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public BotFrameworkJwtAuthenticator(IOptions<BotFrameworkAuthenticationOptions> options, IHttpClientFactory httpClients, TimeProvider time, InboundAccess access, TrustedServiceUrls trusted)
    {
        _options = options.Value;
        var http = httpClients.CreateClient(nameof(BotFrameworkJwtAuthenticator));
        _channelKeys = new OpenIdKeyCache(http, _options.BotOpenIdMetadata, time);
        _emulatorKeys = new OpenIdKeyCache(http, _options.EmulatorOpenIdMetadata, time);
        _time = time;
        _access = access;
        _trusted = trusted;
        _emulatorIssuers = EmulatorIssuers.For(_options.MicrosoftAppTenantId);
    }

    public async Task<ClaimsIdentity> AuthenticateAsync(Activity activity, string? authorizationHeader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var appId = _options.MicrosoftAppId ?? throw new UnauthorizedAccessException("No MicrosoftAppId is configured.");
        var token = ReadBearer(authorizationHeader);
        var jwt = Parse(token);
        if (!Algorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            throw new UnauthorizedAccessException($"Token algorithm '{LogText.Clean(jwt.Alg)}' is not allowed.");
        }

        if (string.IsNullOrEmpty(jwt.Kid))
        {
            throw new UnauthorizedAccessException("Token header names no signing key (kid).");
        }

        var isEmulator = _emulatorIssuers.Contains(jwt.Issuer, StringComparer.Ordinal);
        if (isEmulator && !_access.AllowsEmulatorTokens)
        {
            throw new UnauthorizedAccessException($"Emulator tokens are refused here ({InboundAccess.AllowEmulatorTokensKey} is not true).");
        }

        var keys = isEmulator ? _emulatorKeys : _channelKeys;
        var key = await keys.FindAsync(jwt.Kid, cancellationToken).ConfigureAwait(false)
            ?? throw new UnauthorizedAccessException("Token is signed with an unknown key.");

        var parameters = new TokenValidationParameters
        {
            ValidIssuers = isEmulator ? _emulatorIssuers : [BotFrameworkAuthenticationOptions.ChannelIssuer],
            ValidateAudience = !isEmulator,
            ValidAudience = appId,
            IssuerSigningKey = key,
            ValidAlgorithms = Algorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = ClockSkew,
            LifetimeValidator = ValidateLifetime,
        };
        var result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            throw new UnauthorizedAccessException($"Token is not valid: {result.Exception?.GetType().Name}: {result.Exception?.Message}", result.Exception);
        }

        if (isEmulator)
        {
            CheckEmulatorAppId(jwt, appId);
        }
        else
        {
            CheckEndorsement(key, activity.ChannelId);
            CheckServiceUrl(jwt, activity.ServiceUrl);
            _trusted.TrustAuthenticated(activity.ServiceUrl);
        }

        return result.ClaimsIdentity;
    }

    private static string ReadBearer(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            throw new UnauthorizedAccessException("No Authorization header.");
        }

        var parts = header.Split(' ');
        if (parts.Length != 2 || !string.Equals(parts[0], "Bearer", StringComparison.Ordinal) || parts[1].Length == 0)
        {
            throw new UnauthorizedAccessException("Authorization header is not 'Bearer <token>'.");
        }

        return parts[1];
    }

    private static JsonWebToken Parse(string token)
    {
        try
        {
            return new JsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException or JsonException or FormatException)
        {
            throw new UnauthorizedAccessException("Token is malformed.", ex);
        }
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is not null
            && (notBefore is null || notBefore.Value.ToUniversalTime() <= now + ClockSkew)
            && expires.Value.ToUniversalTime() >= now - ClockSkew;
    }

    private static void CheckEndorsement(JsonWebKey key, string? channelId)
    {
        if (!key.AdditionalData.TryGetValue("endorsements", out var raw))
        {
            throw new UnauthorizedAccessException("The signing key carries no endorsements.");
        }

        if (string.IsNullOrEmpty(channelId))
        {
            return;
        }

        if (!Endorsements(raw).Contains(channelId, StringComparer.Ordinal))
        {
            throw new UnauthorizedAccessException($"The signing key is not endorsed for channel '{LogText.Clean(channelId)}'.");
        }
    }

    private static IEnumerable<string> Endorsements(object? raw) => raw switch
    {
        IEnumerable<string> list => list,
        JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!),
        System.Collections.IEnumerable items => items.Cast<object?>().Select(o => o?.ToString() ?? string.Empty),
        _ => [],
    };

    private static void CheckServiceUrl(JsonWebToken jwt, string? serviceUrl)
    {
        var claim = jwt.TryGetPayloadValue<string>("serviceurl", out var lower) ? lower
            : jwt.TryGetPayloadValue<string>("serviceUrl", out var camel) ? camel : null;
        if (string.IsNullOrEmpty(claim))
        {
            throw new UnauthorizedAccessException("Token has no serviceurl claim.");
        }

        if (!string.Equals(claim, serviceUrl, StringComparison.OrdinalIgnoreCase))
        {
            throw new UnauthorizedAccessException("Token serviceurl claim does not match the activity's serviceUrl.");
        }
    }

    private static void CheckEmulatorAppId(JsonWebToken jwt, string appId)
    {
        var version = jwt.TryGetPayloadValue<string>("ver", out var ver) ? ver : null;
        var claimName = version switch
        {
            null or "" or "1.0" => "appid",
            "2.0" => "azp",
            _ => throw new UnauthorizedAccessException($"Token version '{LogText.Clean(version)}' is not supported."),
        };
        if (!jwt.TryGetPayloadValue<string>(claimName, out var tokenAppId) || !string.Equals(tokenAppId, appId, StringComparison.Ordinal))
        {
            throw new UnauthorizedAccessException($"Token {claimName} does not match MicrosoftAppId.");
        }
    }

    public void Dispose()
    {
        _channelKeys.Dispose();
        _emulatorKeys.Dispose();
    }
}
