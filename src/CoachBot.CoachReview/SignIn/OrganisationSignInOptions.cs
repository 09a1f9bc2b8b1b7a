namespace CoachBot.CoachReview.SignIn;

/// <summary>
/// The <c>Coaches:OpenIdConnect</c> section: coaches sign in with their organisation account (Microsoft Entra ID or
/// another OpenID Connect provider) beside, or instead of, the local coach accounts. See docs/coach-sign-in.md.
/// </summary>
public sealed class OrganisationSignInOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Coaches:OpenIdConnect";

    /// <summary>Shows "Sign in with your organisation account" on the login page. Off by default.</summary>
    public bool Enabled { get; set; }

    /// <summary>The provider's issuer, for Entra <c>https://login.microsoftonline.com/{tenant id}/v2.0</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The application (client) id of the app registration.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret of the app registration (keep it in a secret store or an environment variable).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>App role values, any one of which makes an account a coach (Entra: the app registration's app roles).</summary>
    public List<string> AllowedRoles { get; set; } = [];

    /// <summary>Group ids, membership of any one of which makes an account a coach (Entra: group object ids).</summary>
    public List<string> AllowedGroups { get; set; } = [];

    /// <summary>The ID-token claim that carries app roles.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The ID-token claim that carries group ids.</summary>
    public string GroupClaim { get; set; } = "groups";

    /// <summary>Requires an https Authority. Only a provider on the loopback address in tests turns it off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
