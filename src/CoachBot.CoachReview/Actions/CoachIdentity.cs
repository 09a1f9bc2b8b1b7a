using System.Security.Claims;

namespace CoachBot.CoachReview.Actions;

/// <summary>The logged-in coach: the login and the name patients see.</summary>
/// <param name="Email">The login.</param>
/// <param name="DisplayName">The name patients see, when set.</param>
public sealed record CoachIdentity(string Email, string? DisplayName)
{
    /// <summary>The claim type of the display name.</summary>
    public const string DisplayNameClaim = "coachbot:display_name";

    /// <summary>Reads the identity from the cookie's claims.</summary>
    public static CoachIdentity From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var email = user.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The coach principal has no name identifier.");
        return new CoachIdentity(email, user.FindFirstValue(DisplayNameClaim));
    }
}
