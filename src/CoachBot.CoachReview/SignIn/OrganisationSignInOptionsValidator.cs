using Microsoft.Extensions.Options;

namespace CoachBot.CoachReview.SignIn;

/// <summary>Checks <c>Coaches:OpenIdConnect</c> (and that some way to sign in is left on) so a bad value stops start-up with its key.</summary>
internal sealed class OrganisationSignInOptionsValidator(IOptions<CoachReviewOptions> coaches) : IValidateOptions<OrganisationSignInOptions>
{
    private const string Section = OrganisationSignInOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, OrganisationSignInOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Check(options, coaches.Value.LocalAccounts);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static List<string> Check(OrganisationSignInOptions options, bool localAccounts)
    {
        var failures = new List<string>();
        if (!options.Enabled)
        {
            if (!localAccounts)
            {
                failures.Add($"{CoachReviewOptions.SectionName}:LocalAccounts is false and {Section}:Enabled is not true: no coach could sign in.");
            }

            return failures;
        }

        if (string.IsNullOrWhiteSpace(options.Authority))
        {
            failures.Add($"{Section}:Authority is required when {Section}:Enabled is true (for Entra: https://login.microsoftonline.com/TENANT-ID/v2.0).");
        }
        else if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority)
            || (authority.Scheme != Uri.UriSchemeHttps && (options.RequireHttpsMetadata || authority.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"{Section}:Authority must be an absolute https URL (was '{options.Authority}').");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add($"{Section}:ClientId is required when {Section}:Enabled is true (the app registration's application id).");
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add($"{Section}:ClientSecret is required when {Section}:Enabled is true (a client secret of the app registration).");
        }

        if (!options.AllowedRoles.Any(r => !string.IsNullOrWhiteSpace(r)) && !options.AllowedGroups.Any(g => !string.IsNullOrWhiteSpace(g)))
        {
            failures.Add($"{Section}:AllowedRoles or {Section}:AllowedGroups must name at least one role or group: otherwise every account of the organisation could open the coach pages.");
        }

        if (string.IsNullOrWhiteSpace(options.RoleClaim))
        {
            failures.Add($"{Section}:RoleClaim must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.GroupClaim))
        {
            failures.Add($"{Section}:GroupClaim must not be empty.");
        }

        return failures;
    }
}
