namespace CoachBot.Accounts;

/// <summary>How a login attempt ended.</summary>
public enum LoginOutcome
{
    /// <summary>Email and password are right.</summary>
    Success,

    /// <summary>Unknown email or wrong password (the two are not told apart).</summary>
    Invalid,

    /// <summary>Too many failures: the account is locked for a while.</summary>
    LockedOut,
}

/// <summary>The outcome, the account on success, and until when it is locked on lock-out.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Account">The account, on success.</param>
/// <param name="LockedUntil">When logins are allowed again, on lock-out.</param>
/// <param name="PasswordChecked">True when the password was compared with the account's hash (false for an unknown
/// e-mail, a locked account or an over-long password, which are hashed against a dummy instead).</param>
public sealed record LoginResult(LoginOutcome Outcome, CoachAccount? Account = null, DateTimeOffset? LockedUntil = null, bool PasswordChecked = false);
