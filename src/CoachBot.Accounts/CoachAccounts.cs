using System.Net.Mail;
using CoachBot.Records;
using CoachBot.Storage;
using Microsoft.AspNetCore.Identity;

namespace CoachBot.Accounts;

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

    /// <summary>How often counting an attempt is retried when parallel attempts race for the account document.</summary>
    private const int ReserveAttempts = 100;
    private static readonly PasswordHasher<CoachAccount> Hasher = new();
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(null!, "no account has this password"));

    private readonly DocumentStore<CoachAccount> _store;
    private readonly TimeProvider _time;
    private readonly CoachAccountOptions _options;

    /// <summary>Creates the service over a store.</summary>
    public CoachAccounts(IStorage storage, TimeProvider time, CoachAccountOptions options)
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
    /// Checks a login. Every attempt is counted in the store before its password is hashed (one conditional write,
    /// retried on a race), so parallel attempts cannot check more than <see cref="CoachAccountOptions.MaxFailedLogins"/>
    /// wrong passwords: the attempt that reaches the limit locks the account for
    /// <see cref="CoachAccountOptions.LockoutDuration"/> unless its password is right, and while locked even the right
    /// password is refused. Unknown e-mails, locked accounts and over-long passwords cost the same hash (against a
    /// dummy), so timing does not tell them apart.
    /// </summary>
    public async Task<LoginResult> LoginAsync(string? email, string? password, CancellationToken cancellationToken = default)
    {
        var login = NormalizeEmail(email);
        if (login is null || string.IsNullOrEmpty(password) || password.Length > MaxPasswordLength)
        {
            return HashDummy(new LoginResult(LoginOutcome.Invalid));
        }

        var now = _time.GetUtcNow();
        var reserved = await ReserveAttemptAsync(login, now, cancellationToken).ConfigureAwait(false);
        if (reserved is null)
        {
            return HashDummy(new LoginResult(LoginOutcome.Invalid));
        }

        if (reserved.Refused)
        {
            return HashDummy(new LoginResult(LoginOutcome.LockedOut, LockedUntil: reserved.Account.LockedUntil));
        }

        var account = reserved.Account;
        var verified = Hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verified == PasswordVerificationResult.Failed)
        {
            return account.LockedUntil is { } until && until > now
                ? new LoginResult(LoginOutcome.LockedOut, LockedUntil: until, PasswordChecked: true)
                : new LoginResult(LoginOutcome.Invalid, PasswordChecked: true);
        }

        var rehash = verified == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(account, password) : null;
        var updated = await _store.UpdateAsync(
            login,
            a => (a ?? account) with { FailedLogins = 0, LockedUntil = null, LastLoginAt = now, PasswordHash = rehash ?? (a ?? account).PasswordHash },
            maxAttempts: ReserveAttempts,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return new LoginResult(LoginOutcome.Success, updated.Value, PasswordChecked: true);
    }

    /// <summary>
    /// Counts one attempt against the account before its password is checked: null when there is no account, refused
    /// while it is locked, else the account as written (locked from now when this attempt reached the limit).
    /// </summary>
    private async Task<Reservation?> ReserveAttemptAsync(string login, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await _store.GetAsync(login, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return null;
            }

            if (current.Value.LockedUntil is { } lockedUntil && lockedUntil > now)
            {
                return new Reservation(current.Value, Refused: true);
            }

            var next = Count(current.Value, now);
            try
            {
                await _store.ReplaceAsync(login, next, current.ETag, cancellationToken).ConfigureAwait(false);
                return new Reservation(next, Refused: false);
            }
            catch (StorageConflictException) when (attempt < ReserveAttempts)
            {
                // Another attempt was counted first: count this one on top of it.
            }
        }
    }

    private CoachAccount Count(CoachAccount account, DateTimeOffset now)
    {
        var attempts = account.FailedLogins + 1;
        return attempts >= _options.MaxFailedLogins
            ? account with { FailedLogins = 0, LockedUntil = now + _options.LockoutDuration }
            : account with { FailedLogins = attempts, LockedUntil = null };
    }

    /// <summary>The same work as checking a real password, for answers that must not be faster.</summary>
    private static LoginResult HashDummy(LoginResult result)
    {
        Hasher.VerifyHashedPassword(null!, DummyHash.Value, "no password is checked here");
        return result;
    }

    /// <summary>An attempt counted against an account, or refused because the account is locked.</summary>
    private sealed record Reservation(CoachAccount Account, bool Refused);
}
