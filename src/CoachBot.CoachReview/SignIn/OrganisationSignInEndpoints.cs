using CoachBot.CoachReview.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CoachBot.CoachReview.SignIn;

/// <summary>The organisation sign-in's own pages; mapped only when it is enabled. The provider's callbacks are the handler's.</summary>
public static class OrganisationSignInEndpoints
{
    /// <summary>Maps the start of the sign-in and the page after it, when <c>Coaches:OpenIdConnect:Enabled</c> is true.</summary>
    public static IEndpointRouteBuilder MapOrganisationSignIn(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (!OrganisationSignIn.IsEnabled(endpoints.ServiceProvider))
        {
            return endpoints;
        }

        endpoints.MapGet(OrganisationSignIn.StartPath, Start).AllowAnonymous();
        endpoints.MapGet(OrganisationSignIn.ContinuePath, OrganisationSignIn.ContinuePage).AllowAnonymous();
        return endpoints;
    }

    /// <summary>
    /// Sends the browser to the provider (authorization code with PKCE). A GET link, not a form: the coach pages'
    /// <c>form-action 'self'</c> would block a form's redirect to the provider. <c>account=other</c> asks the provider
    /// to show its login again, to switch accounts.
    /// </summary>
    private static IResult Start(string? returnUrl, string? account)
    {
        var next = CoachAuth.IsSafeReturnUrl(returnUrl) ? returnUrl : null;
        var properties = new AuthenticationProperties
        {
            RedirectUri = next is null ? OrganisationSignIn.ContinuePath : OrganisationSignIn.ContinuePath + "?returnUrl=" + Uri.EscapeDataString(next),
        };
        if (string.Equals(account, "other", StringComparison.Ordinal))
        {
            properties.SetParameter(OpenIdConnectParameterNames.Prompt, OpenIdConnectPrompt.Login);
        }

        return Results.Challenge(properties, [OrganisationSignIn.Scheme]);
    }
}
