using System.Net;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CoachBot.Channels.Auth;

/// <summary>
/// Signing keys from one OpenID metadata document and its <c>jwks_uri</c>. Keys are kept for
/// <see cref="RefreshInterval"/>; a token naming an unknown <c>kid</c> forces one refresh, at most once per
/// <see cref="MinimumRefreshInterval"/> (so forged kids cannot make us hammer the metadata server).
/// Metadata must be served over https, except from a loopback address (tests, local tools).
/// </summary>
internal sealed class OpenIdKeyCache(HttpClient http, string metadataUrl, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(24);
    public static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private IReadOnlyList<JsonWebKey> _keys = [];
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;

    /// <summary>Finds the key with this id, refreshing once if it is unknown. Null when still unknown.</summary>
    public async Task<JsonWebKey?> FindAsync(string kid, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _fetchedAt >= RefreshInterval)
        {
            await RefreshAsync(_fetchedAt, cancellationToken).ConfigureAwait(false);
        }

        var key = Match(kid);
        if (key is null && time.GetUtcNow() - _fetchedAt >= MinimumRefreshInterval)
        {
            await RefreshAsync(_fetchedAt, cancellationToken).ConfigureAwait(false);
            key = Match(kid);
        }

        return key;
    }

    private JsonWebKey? Match(string kid)
    {
        foreach (var key in _keys)
        {
            if (string.Equals(key.Kid, kid, StringComparison.Ordinal))
            {
                return key;
            }
        }

        return null;
    }

    private async Task RefreshAsync(DateTimeOffset seen, CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_fetchedAt != seen)
            {
                return; // someone else refreshed while we waited
            }

            var metadata = OpenIdConnectConfiguration.Create(await GetAsync(metadataUrl, cancellationToken).ConfigureAwait(false));
            if (string.IsNullOrEmpty(metadata.JwksUri))
            {
                throw new UnauthorizedAccessException($"The OpenID metadata at {metadataUrl} names no jwks_uri.");
            }

            var set = new JsonWebKeySet(await GetAsync(metadata.JwksUri, cancellationToken).ConfigureAwait(false));
            _keys = [.. set.Keys];
            _fetchedAt = time.GetUtcNow();
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<string> GetAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri))))
        {
            throw new UnauthorizedAccessException($"OpenID metadata and keys must come from an https URL (got {url}).");
        }

        try
        {
            return await http.GetStringAsync(uri, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new UnauthorizedAccessException($"Could not read OpenID metadata or keys from {url}: {ex.Message}", ex);
        }
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    public void Dispose() => _refresh.Dispose();
}
