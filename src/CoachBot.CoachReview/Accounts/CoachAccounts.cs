using System.Net.Mail;
using CoachBot.Protocol.State;
using CoachBot.Storage.Records;
using Microsoft.AspNetCore.Identity;

namespace CoachBot.CoachReview.Accounts;

/// <summary>
/// Coach accounts over the storage ports (<c>coaches/{email}</c>): creation with a hashed password (ASP.NET Core's
/// <see cref="PasswordHasher{TUser}"/>), and login checks with lock-out after repeated failures.
/// </summary>
public sealed class CoachAccounts
{
    /// <summary>The storage collection of coach accounts.</summary>
    public const string Collection = "coaches";

    private const int MaxEmailLength = 254;
    private const int MaxNameLength = 60;
    private const int MaxPasswordLength = 256;
    private static readonly PasswordHasher<CoachAccount> Hasher = new();
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(null!, "no account has this password"));

    private readonly DocumentStore<CoachAccount> _store;
    private readonly TimeProvider _time;
    private readonly CoachReviewOptions _options;

    /// <summary>Creates the service over a store.</summary>
    public CoachAccounts(IStorage storage, TimeProvider time, CoachReviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        _store = new DocumentStore<CoachAccount>(storage, Collection);
        _time = time;
        _options = options;
    }

    /// <summary>Lower-cases and checks an e-mail address; null when it is not one.</summary>
    public static string? NormalizeEmail(string? email)
    {
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxEmailLength || !MailAddress.TryCreate(trimmed, out var address)
            || !string.Equals(address.Address, trimmed, StringComparison.Ordinal) || !trimmed.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }

        return trimmed.ToLowerInvariant();
    }

    /// <summary>Creates an account.</summary>
    /// <exception cref="CoachAccountException">The email, name or password is not acceptable, or the account exists.</exception>
    public async Task<CoachAccount> AddAsync(string email, string password, string? displayName = null, CancellationToken cancellationToken = default)
    {
        var login = NormalizeEmail(email)
            ?? throw new CoachAccountException($"'{email}' is not an e-mail address (like sam@example.org).");
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length < _options.MinPasswordLength)
        {
            throw new CoachAccountException($"The password is too short: it needs at least {_options.MinPasswordLength} characters (it had {password.Length}).");
        }

        if (password.Length > MaxPasswordLength)
        {
            throw new CoachAccountException($"The password is too long: at most {MaxPasswordLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(password) || password.Trim().Length != password.Length)
        {
            throw new CoachAccountException("The password must not start or end with spaces.");
        }

        var name = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim();
        if (name is not null && (name.Length > MaxNameLength || name.Any(char.IsControl)))
        {
            throw new CoachAccountException($"The name must be at most {MaxNameLength} characters, on one line.");
        }

        var account = new CoachAccount
        {
            Email = login,
            DisplayName = name,
            PasswordHash = Hasher.HashPassword(null!, password),
            CreatedAt = _time.GetUtcNow(),
        };
        try
        {
            await _store.CreateAsync(login, account, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageConflictException ex)
        {
            throw new CoachAccountException($"A coach with the e-mail {login} already exists.", ex);
        }

        return account;
    }

    /// <summary>The account, or null.</summary>
    public async Task<CoachAccount?> GetAsync(string email, CancellationToken cancellationToken = default)
    {
        var login = NormalizeEmail(email);
        return login is null ? null : (await _store.GetAsync(login, cancellationToken).ConfigureAwait(false))?.Value;
    }

    /// <summary>
    /// Checks a login. After <see cref="CoachReviewOptions.MaxFailedLogins"/> failures in a row the account is locked
    /// for <see cref="CoachReviewOptions.LockoutDuration"/>; while locked, even the right password is refused.
    /// </summary>
    public async Task<LoginResult> LoginAsync(string? email, string? password, CancellationToken cancellationToken = default)
    {
        var login = NormalizeEmail(email);
        var current = login is null || string.IsNullOrEmpty(password) ? null : await _store.GetAsync(login, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            // Same work as for a real account, so timing does not tell which e-mails exist.
            Hasher.VerifyHashedPassword(null!, DummyHash.Value, password ?? string.Empty);
            return new LoginResult(LoginOutcome.Invalid);
        }

        var now = _time.GetUtcNow();
        if (current.Value.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            return new LoginResult(LoginOutcome.LockedOut, LockedUntil: lockedUntil);
        }

        var verified = Hasher.VerifyHashedPassword(current.Value, current.Value.PasswordHash, password!);
        if (verified == PasswordVerificationResult.Failed)
        {
            var failed = await _store.UpdateAsync(login!, a => Fail(a!, now), cancellationToken: cancellationToken).ConfigureAwait(false);
            return failed.Value.LockedUntil is { } until && until > now
                ? new LoginResult(LoginOutcome.LockedOut, LockedUntil: until)
                : new LoginResult(LoginOutcome.Invalid);
        }

        var rehash = verified == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(current.Value, password!) : null;
        var updated = await _store.UpdateAsync(
            login!,
            a => a! with { FailedLogins = 0, LockedUntil = null, LastLoginAt = now, PasswordHash = rehash ?? a.PasswordHash },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return new LoginResult(LoginOutcome.Success, updated.Value);
    }

    private CoachAccount Fail(CoachAccount account, DateTimeOffset now)
    {
        var failures = account.FailedLogins + 1;
        return failures >= _options.MaxFailedLogins
            ? account with { FailedLogins = 0, LockedUntil = now + _options.LockoutDuration }
            : account with { FailedLogins = failures };
    }
}
