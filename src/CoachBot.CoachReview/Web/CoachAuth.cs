using System.Security.Claims;
using CoachBot.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace CoachBot.CoachReview.Web;

/// <summary>The coach login: cookie scheme, policy, and the rules for pages (redirect to login) and APIs (401).</summary>
public static class CoachAuth
{
    /// <summary>The authentication scheme of coach cookies.</summary>
    public const string Scheme = "CoachCookie";

    /// <summary>The authorization policy every coach page and API requires.</summary>
    public const string Policy = "Coach";

    /// <summary>The cookie's name.</summary>
    public const string CookieName = "CoachBot.Coach";

    /// <summary>The login page.</summary>
    public const string LoginPath = "/coach/login";

    /// <summary>The prefix of the JSON APIs, which answer 401 instead of redirecting.</summary>
    public const string ApiPrefix = "/coach/api";

    internal static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments(ApiPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for a local coach page address that is safe to go back to after login.</summary>
    internal static bool IsSafeReturnUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith("/coach", StringComparison.Ordinal)
        && !url.Contains("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
        && !url.StartsWith(LoginPath, StringComparison.Ordinal) && !url.Any(char.IsControl);

    internal static ClaimsPrincipal Principal(CoachAccount account)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Email),
            new(ClaimTypes.Name, account.Email),
        };
        if (account.DisplayName is { Length: > 0 } name)
        {
            claims.Add(new Claim(Actions.CoachIdentity.DisplayNameClaim, name));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    /// <summary>
    /// Cookies are Secure outside Development (behind a TLS-terminating proxy the request the host sees may be plain
    /// http even though the browser used https), and over HTTPS only in Development, unless the setting says otherwise.
    /// </summary>
    internal static CookieSecurePolicy SecurePolicy(CoachReviewOptions coaches, IHostEnvironment environment) =>
        coaches.SecureCookies switch
        {
            true => CookieSecurePolicy.Always,
            false => CookieSecurePolicy.SameAsRequest,
            null => environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always,
        };

    internal static void Configure(CookieAuthenticationOptions options, CoachReviewOptions coaches, IHostEnvironment environment)
    {
        options.Cookie.Name = CookieName;
        options.Cookie.Path = "/coach";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = SecurePolicy(coaches, environment);
        options.ExpireTimeSpan = coaches.SessionLifetime;
        options.SlidingExpiration = true;
        options.LoginPath = LoginPath;
        options.LogoutPath = "/coach/logout";
        options.AccessDeniedPath = LoginPath;
        options.ReturnUrlParameter = "returnUrl";
        options.Events = new CookieAuthenticationEvents
        {
            OnRedirectToLogin = context => Challenge(context, StatusCodes.Status401Unauthorized),
            OnRedirectToAccessDenied = context => Challenge(context, StatusCodes.Status403Forbidden),
            OnValidatePrincipal = async context =>
            {
                // A deleted account, or one whose way of signing in was switched off, is logged out at its next request.
                var check = SignIn.OrganisationSignIn.CheckSession(context.Principal, context.HttpContext.RequestServices);
                if (check == SignIn.SessionCheck.Keep)
                {
                    return;
                }

                var email = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
                var accounts = context.HttpContext.RequestServices.GetService(typeof(CoachAccounts)) as CoachAccounts;
                if (check == SignIn.SessionCheck.End || email is null || accounts is null || await accounts.GetAsync(email, context.HttpContext.RequestAborted).ConfigureAwait(false) is null)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(Scheme).ConfigureAwait(false);
                }
            },
        };
    }

    private static Task Challenge(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.Request) || !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
