using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoachBot.Testing.Auth;

/// <summary>
/// What the local stand-ins for the Bot Framework and Entra identity endpoints share: OpenID metadata, a JWKS document
/// (with the Bot Framework's <c>endorsements</c> where given) and signed tokens.
/// </summary>
public static class TestJwt
{
    /// <summary>An OpenID configuration document pointing at <paramref name="jwksUri"/>.</summary>
    public static string Metadata(string jwksUri) =>
        new JsonObject { ["issuer"] = "x", ["jwks_uri"] = jwksUri, ["id_token_signing_alg_values_supported"] = new JsonArray("RS256") }.ToJsonString();

    /// <summary>The public halves of <paramref name="keys"/> as a JWKS document.</summary>
    public static string Jwks(IEnumerable<(RsaSecurityKey Key, string[]? Endorsements)> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var array = new JsonArray();
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

        return new JsonObject { ["keys"] = array }.ToJsonString();
    }

    /// <summary>A token signed with <paramref name="key"/>, valid from <paramref name="notBefore"/> to <paramref name="expires"/>.</summary>
    public static string CreateToken(SecurityKey key, string issuer, string audience, IDictionary<string, object> claims, DateTimeOffset notBefore, DateTimeOffset expires, string algorithm = SecurityAlgorithms.RsaSha256) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore.UtcDateTime,
            NotBefore = notBefore.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
}
