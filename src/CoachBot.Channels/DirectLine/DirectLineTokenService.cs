using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace CoachBot.Channels.DirectLine;

/// <summary>
/// Issues and checks Direct Line tokens: <c>dl1.{base64url payload}.{base64url HMAC-SHA256}</c>, signed with a
/// key derived (HKDF) from <c>DirectLine:Secret</c>. A token names its kind, conversation, user and expiry.
/// </summary>
internal sealed class DirectLineTokenService
{
    private const string Prefix = "dl1.";
    private static readonly byte[] KeyInfo = Encoding.UTF8.GetBytes("CoachBot.DirectLine.Tokens.v1");

    private readonly byte[] _secret;
    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public DirectLineTokenService(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        var secret = options.Value.Secret ?? throw new InvalidOperationException("DirectLine:Secret is not configured.");
        _secret = Encoding.UTF8.GetBytes(secret);
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, _secret, 32, salt: [], info: KeyInfo);
        _time = time;
    }

    /// <summary>True when <paramref name="candidate"/> is the configured secret (constant-time).</summary>
    public bool IsSecret(string candidate)
    {
        var bytes = Encoding.UTF8.GetBytes(candidate);
        return CryptographicOperations.FixedTimeEquals(bytes, _secret);
    }

    /// <summary>Issues a token valid for <paramref name="lifetime"/> from now.</summary>
    public string Issue(DirectLineTokenKind kind, string? conversationId, string? userId, TimeSpan lifetime)
    {
        var payload = new Payload
        {
            Kind = kind == DirectLineTokenKind.Conversation ? "c" : "s",
            Conversation = conversationId,
            User = userId,
            Expires = (_time.GetUtcNow() + lifetime).ToUnixTimeSeconds(),
            Nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(9)),
        };
        var body = Prefix + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload, TokenJsonContext.Default.Payload));
        return body + "." + Base64Url.EncodeToString(Sign(body));
    }

    /// <summary>Checks signature and format; expiry is reported, not enforced (callers decide 403).</summary>
    public bool TryRead(string token, out DirectLineToken? result)
    {
        result = null;
        if (token.Length > 2048 || !token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var dot = token.LastIndexOf('.');
        if (dot <= Prefix.Length)
        {
            return false;
        }

        var body = token[..dot];
        Span<byte> signature = stackalloc byte[64];
        if (!Base64Url.TryDecodeFromChars(token.AsSpan(dot + 1), signature, out var written) || written != 32
            || !CryptographicOperations.FixedTimeEquals(signature[..written], Sign(body)))
        {
            return false;
        }

        try
        {
            var payload = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(body.AsSpan(Prefix.Length)), TokenJsonContext.Default.Payload);
            DirectLineTokenKind? kind = payload?.Kind switch
            {
                "c" => DirectLineTokenKind.Conversation,
                "s" => DirectLineTokenKind.Stream,
                _ => null,
            };
            if (payload is null || kind is null)
            {
                return false;
            }

            result = new DirectLineToken(kind.Value, payload.Conversation, payload.User, DateTimeOffset.FromUnixTimeSeconds(payload.Expires));
            return true;
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return false;
        }
    }

    /// <summary>True when the token's expiry has passed.</summary>
    public bool IsExpired(DirectLineToken token) => token.ExpiresAt <= _time.GetUtcNow();

    /// <summary>Seconds left before the token expires (never negative).</summary>
    public int SecondsLeft(DirectLineToken token) => (int)Math.Max(0, (token.ExpiresAt - _time.GetUtcNow()).TotalSeconds);

    private byte[] Sign(string body) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(body));

    internal sealed class Payload
    {
        [JsonPropertyName("k")]
        public string? Kind { get; set; }

        [JsonPropertyName("c")]
        public string? Conversation { get; set; }

        [JsonPropertyName("u")]
        public string? User { get; set; }

        [JsonPropertyName("e")]
        public long Expires { get; set; }

        [JsonPropertyName("n")]
        public string? Nonce { get; set; }
    }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DirectLineTokenService.Payload))]
internal sealed partial class TokenJsonContext : JsonSerializerContext;
