namespace CoachBot.Accounts;

/// <summary>A coach's login, stored at <c>coaches/{email}</c>. The password is only ever stored hashed.</summary>
public sealed record CoachAccount
{
    /// <summary>The login (lower-case e-mail address).</summary>
    public required string Email { get; init; }

    /// <summary>The name patients see ("Sam from the care team has joined the chat"); optional.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The ASP.NET Core <c>PasswordHasher</c> hash.</summary>
    public required string PasswordHash { get; init; }

    /// <summary>When the account was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Login attempts counted since the last success or lock-out (each is counted before its password is checked).</summary>
    public int FailedLogins { get; init; }

    /// <summary>Logins are refused until this time.</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>The last successful login.</summary>
    public DateTimeOffset? LastLoginAt { get; init; }
}
