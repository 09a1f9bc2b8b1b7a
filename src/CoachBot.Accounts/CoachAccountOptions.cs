namespace CoachBot.Accounts;

/// <summary>The account rules of the <c>Coaches</c> configuration section, read by the coach pages and by <c>coachbot coach add</c>.</summary>
public class CoachAccountOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Coaches";

    /// <summary>Shortest password <c>coach add</c> accepts.</summary>
    public int MinPasswordLength { get; set; } = 12;

    /// <summary>Failed logins in a row that lock an account.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}
