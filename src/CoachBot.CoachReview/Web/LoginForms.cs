using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace CoachBot.CoachReview.Web;

/// <summary>
/// The login form's own ticket, next to its antiforgery token: when the form was issued and a random nonce, protected
/// with data protection. A ticket is accepted once, within <see cref="CoachReviewOptions.LoginFormLifetime"/> of being
/// issued, so a captured login form (token, cookie and ticket) cannot be replayed to guess passwords indefinitely.
/// </summary>
public sealed class LoginForms
{
    /// <summary>The hidden form field that carries the ticket.</summary>
    public const string FieldName = "loginForm";

    private const int PruneAbove = 10_000;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    private readonly IDataProtector _protector;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _used = new(StringComparer.Ordinal);

    /// <summary>Creates the service.</summary>
    public LoginForms(IDataProtectionProvider protection, TimeProvider time, IOptions<CoachReviewOptions> options)
    {
        ArgumentNullException.ThrowIfNull(protection);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        _protector = protection.CreateProtector("CoachBot.Coach.LoginForm.v1");
        _time = time;
        _lifetime = options.Value.LoginFormLifetime;
    }

    /// <summary>A new ticket for a login form.</summary>
    public string Issue()
    {
        var issuedAt = _time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return _protector.Protect(issuedAt + ":" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
    }

    /// <summary>True once for a ticket this host issued that is not older than the lifetime; false ever after.</summary>
    public bool Accept(string? ticket)
    {
        if (string.IsNullOrEmpty(ticket) || ticket.Length > 1024)
        {
            return false;
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(ticket);
        }
        catch (CryptographicException)
        {
            return false;
        }

        var colon = payload.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !long.TryParse(payload.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var issuedMs))
        {
            return false;
        }

        var now = _time.GetUtcNow();
        var expires = DateTimeOffset.FromUnixTimeMilliseconds(issuedMs) + _lifetime;
        if (expires < now || expires - _lifetime > now + ClockSkew)
        {
            return false;
        }

        Prune(now);
        return _used.TryAdd(payload[(colon + 1)..], expires);
    }

    private void Prune(DateTimeOffset now)
    {
        if (_used.Count <= PruneAbove)
        {
            return;
        }

        foreach (var (nonce, expires) in _used)
        {
            if (expires < now)
            {
                _used.TryRemove(nonce, out _);
            }
        }
    }
}
