using System.Runtime.CompilerServices;
using System.Security.Claims;
using CoachBot.CoachReview.Actions;
using CoachBot.CoachReview.Audit;
using CoachBot.CoachReview.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CoachBot.CoachReview.SignIn;

/// <summary>
/// Coach sign-in with an organisation account over OpenID Connect (authorization code flow with PKCE). The provider
/// proves who the coach is; an app role or group from <see cref="OrganisationSignInOptions"/> makes the account a
/// coach. The session is then the same coach cookie as a local login, with the same audit trail.
/// </summary>
public static class OrganisationSignIn
{
    /// <summary>The OpenID Connect authentication scheme.</summary>
    public const string Scheme = "CoachOrganisation";

    /// <summary>Starts the sign-in (a link on the login page).</summary>
    public const string StartPath = "/coach/sign-in/organisation";

    /// <summary>The page after the provider's redirect that opens the coach pages (see <see cref="ContinuePage"/>).</summary>
    public const string ContinuePath = "/coach/sign-in/continue";

    /// <summary>The redirect URI registered with the provider.</summary>
    public const string CallbackPath = "/coach/signin-oidc";

    /// <summary>The post-logout redirect URI registered with the provider.</summary>
    public const string SignedOutCallbackPath = "/coach/signout-callback-oidc";

    /// <summary>The audit action of an account that signed in at the provider but is not a coach.</summary>
    public const string AuditRefused = "login-refused";

    /// <summary>The claim that marks a coach cookie made by this sign-in.</summary>
    internal const string MethodClaim = "coachbot:sign_in";

    private const string Method = "openid-connect";

    /// <summary>The prefix of a coach id from the provider (<c>oidc:</c> and the account's oid or sub).</summary>
    internal const string CoachIdPrefix = "oidc:";

    /// <summary>
    /// Binds and validates <c>Coaches:OpenIdConnect</c>; when it is enabled, adds the OpenID Connect handler that signs
    /// coaches in to the coach cookie. Called by <c>AddCoachReview</c>.
    /// </summary>
    public static IServiceCollection AddOrganisationSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OrganisationSignInOptions>().Bind(configuration.GetSection(OrganisationSignInOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OrganisationSignInOptions>, OrganisationSignInOptionsValidator>());

        if (configuration.GetValue<bool>(OrganisationSignInOptions.SectionName + ":Enabled"))
        {
            AddHandler(services);
        }

        return services;
    }

    /// <summary>
    /// Its own method, not inlined, so that the OpenID Connect assembly is loaded only when the sign-in is on (the
    /// JIT loads every assembly a method names when it compiles the method).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddHandler(IServiceCollection services)
    {
        services.AddAuthentication().AddOpenIdConnect(Scheme, "Organisation account", _ => { });
        services.AddOptions<OpenIdConnectOptions>(Scheme)
            .Configure<IOptions<OrganisationSignInOptions>>((oidc, settings) => Configure(oidc, settings.Value));
    }

    /// <summary>True for a coach cookie made by this sign-in.</summary>
    public static bool IsOrganisationAccount(ClaimsPrincipal? user) =>
        string.Equals(user?.FindFirstValue(MethodClaim), Method, StringComparison.Ordinal);

    /// <summary>Whether sign-in with an organisation account is switched on.</summary>
    internal static bool IsEnabled(IServiceProvider services) =>
        services.GetService<IOptions<OrganisationSignInOptions>>()?.Value.Enabled == true;

    /// <summary>Whether local accounts may log in.</summary>
    internal static bool LocalAccountsEnabled(IServiceProvider services) =>
        services.GetService<IOptions<CoachReviewOptions>>()?.Value.LocalAccounts != false;

    /// <summary>What the coach cookie's check at each request does with a principal.</summary>
    internal static SessionCheck CheckSession(ClaimsPrincipal? user, IServiceProvider services)
    {
        if (IsOrganisationAccount(user))
        {
            // The provider and the role check vouched for it at sign-in; it lasts while this sign-in stays on.
            return IsEnabled(services) ? SessionCheck.Keep : SessionCheck.End;
        }

        return LocalAccountsEnabled(services) ? SessionCheck.CheckLocalAccount : SessionCheck.End;
    }

    /// <summary>Signs out of the coach cookie and of the provider (its end-session endpoint), back to the login page.</summary>
    internal static IResult SignOut() =>
        Results.SignOut(new AuthenticationProperties { RedirectUri = CoachAuth.LoginPath }, [CoachAuth.Scheme, Scheme]);

    /// <summary>The login page's link that starts the sign-in, keeping where to go afterwards.</summary>
    internal static string StartUrl(string? returnUrl) =>
        returnUrl is null ? StartPath : StartPath + "?returnUrl=" + Uri.EscapeDataString(returnUrl);

    /// <summary>
    /// True when the validated ID token carries an allowed app role or group. Ordinal comparison: role values are
    /// case-sensitive in Entra; group ids are compared ignoring case, as GUIDs.
    /// </summary>
    internal static bool IsCoach(ClaimsPrincipal token, OrganisationSignInOptions options) =>
        token.FindAll(options.RoleClaim).Any(c => options.AllowedRoles.Contains(c.Value, StringComparer.Ordinal))
        || token.FindAll(options.GroupClaim).Any(c => options.AllowedGroups.Contains(c.Value, StringComparer.OrdinalIgnoreCase));

    /// <summary>The coach principal made from the validated ID token: a stable id (oid, else sub), the name, the login name.</summary>
    internal static ClaimsPrincipal CoachPrincipal(ClaimsPrincipal token)
    {
        var account = Account.From(token);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.CoachId),
            new(ClaimTypes.Name, account.UserName ?? account.CoachId),
            new(MethodClaim, Method),
        };
        if (account.Name is { Length: > 0 } name)
        {
            claims.Add(new Claim(CoachIdentity.DisplayNameClaim, name));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    private static void Configure(OpenIdConnectOptions oidc, OrganisationSignInOptions settings)
    {
        oidc.Authority = settings.Authority;
        oidc.ClientId = settings.ClientId;
        oidc.ClientSecret = settings.ClientSecret;
        oidc.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        oidc.ResponseType = OpenIdConnectResponseType.Code;
        oidc.UsePkce = true;

        // The code comes back in the query of a top-level GET, so the correlation and nonce cookies can be Lax
        // (a form_post from the provider would need SameSite=None).
        oidc.ResponseMode = OpenIdConnectResponseMode.Query;
        oidc.Scope.Clear();
        oidc.Scope.Add(OpenIdConnectScope.OpenId);
        oidc.Scope.Add("profile");
        oidc.SignInScheme = CoachAuth.Scheme;
        oidc.SignOutScheme = CoachAuth.Scheme;
        oidc.CallbackPath = CallbackPath;
        oidc.SignedOutCallbackPath = SignedOutCallbackPath;
        oidc.RemoteSignOutPath = "/coach/signout-oidc";
        oidc.SignedOutRedirectUri = CoachAuth.LoginPath;

        // The token's own claim names (oid, sub, name, roles, groups), not the WS-Federation URIs.
        oidc.MapInboundClaims = false;
        oidc.TokenValidationParameters.NameClaimType = "name";
        oidc.TokenValidationParameters.RoleClaimType = settings.RoleClaim;
        oidc.GetClaimsFromUserInfoEndpoint = false;

        // Only the ID token is kept (for the end-session request's id_token_hint), not the access token.
        oidc.SaveTokens = true;
        oidc.DisableTelemetry = true;
        foreach (var cookie in new[] { oidc.CorrelationCookie, oidc.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.HttpOnly = true;
        }

        oidc.Events = new OpenIdConnectEvents
        {
            OnTokenValidated = context => TokenValidatedAsync(context, settings),
            OnTicketReceived = TicketReceivedAsync,
            OnRemoteFailure = RemoteFailureAsync,
            OnRedirectToIdentityProviderForSignOut = RedirectForSignOutAsync,
        };
    }

    /// <summary>Refuses an account without an allowed role or group; otherwise replaces the token's claims by the coach's.</summary>
    private static async Task TokenValidatedAsync(TokenValidatedContext context, OrganisationSignInOptions settings)
    {
        var token = context.Principal!;
        if (IsCoach(token, settings))
        {
            context.Principal = CoachPrincipal(token);
            return;
        }

        var http = context.HttpContext;
        var account = Account.From(token);
        var why = token.HasClaim(c => c.Type == "_claim_names" && c.Value.Contains(settings.GroupClaim, StringComparison.Ordinal))
            ? "no allowed role; the token lists too many groups to carry them (give the account an app role instead)"
            : "no allowed role or group";
        await Audit(http).RecordAsync(account.CoachId, AuditRefused, detail: account.Describe() + ": " + why, cancellationToken: http.RequestAborted).ConfigureAwait(false);
        context.HandleResponse();
        await PageAsync(http, "Not a coach account", Html.Component<NotCoachAccount>(new Dictionary<string, object?>(StringComparer.Ordinal) { [nameof(NotCoachAccount.Account)] = account.Describe() }), StatusCodes.Status403Forbidden).ConfigureAwait(false);
    }

    /// <summary>Keeps only the ID token in the cookie and writes the sign-in to the audit log.</summary>
    private static async Task TicketReceivedAsync(TicketReceivedContext context)
    {
        var properties = context.Properties!;
        properties.StoreTokens(properties.GetTokens().Where(t => t.Name == OpenIdConnectParameterNames.IdToken).ToList());
        var coach = CoachIdentity.From(context.Principal!);
        var http = context.HttpContext;
        var detail = "organisation account: " + (coach.DisplayName is { } name ? name + " (" + context.Principal!.Identity!.Name + ")" : context.Principal!.Identity!.Name);
        await Audit(http).RecordAsync(coach.Email, AuditActions.Login, detail: detail, cancellationToken: http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>A sign-in the provider refused or that could not be checked (cancelled, expired, tampered with).</summary>
    private static async Task RemoteFailureAsync(RemoteFailureContext context)
    {
        var http = context.HttpContext;
        context.HandleResponse();
        var reason = context.Failure?.Message ?? "unknown";
        await Audit(http).RecordAsync("(organisation account)", AuditActions.LoginFailed, detail: "organisation sign-in did not complete: " + reason, cancellationToken: http.RequestAborted).ConfigureAwait(false);
        await PageAsync(http, "Sign-in did not work", Html.Component<SignInFailed>(new Dictionary<string, object?>()), StatusCodes.Status400BadRequest).ConfigureAwait(false);
    }

    /// <summary>
    /// The log-out form posts to this site, and the coach pages' Content-Security-Policy (<c>form-action 'self'</c>)
    /// would block the form's redirect on to the provider, so a page sends the browser there instead.
    /// </summary>
    private static Task RedirectForSignOutAsync(RedirectContext context)
    {
        context.HandleResponse();

        // The handler adds the state (where to go after the provider's sign-out) only when it sends the redirect itself.
        context.ProtocolMessage.State = context.Options.StateDataFormat.Protect(context.Properties);
        var url = context.ProtocolMessage.CreateLogoutRequestUrl();
        return PageAsync(context.HttpContext, "Signing out", Hop(url, "Signing you out of your organisation account", "Continue"), StatusCodes.Status200OK);
    }

    /// <summary>
    /// The provider's redirect back is a navigation that started on another site, so the browser does not send the
    /// SameSite=Strict coach cookie on it or its redirects. This page, reached that way, moves on from this site itself,
    /// and the next request carries the cookie.
    /// </summary>
    internal static IResult ContinuePage(HttpContext context, string? returnUrl)
    {
        var target = CoachAuth.IsSafeReturnUrl(returnUrl) ? returnUrl! : "/coach";
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        return Html.Page(context, antiforgery, "Signed in", null, Hop(target, "You are signed in", "Open the coach pages"));
    }

    private static RenderFragment Hop(string url, string heading, string link) =>
        Html.Component<Hop>(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [nameof(SignIn.Hop.Url)] = url,
            [nameof(SignIn.Hop.Heading)] = heading,
            [nameof(SignIn.Hop.Link)] = link,
        });

    private static Task PageAsync(HttpContext http, string title, RenderFragment body, int status) =>
        Html.Page(http, http.RequestServices.GetRequiredService<IAntiforgery>(), title, null, body, status).ExecuteAsync(http);

    private static AuditLog Audit(HttpContext http) => http.RequestServices.GetRequiredService<AuditLog>();

    /// <summary>What the ID token says about the account: the stable id, the name, the login name.</summary>
    private sealed record Account(string CoachId, string? Name, string? UserName)
    {
        public static Account From(ClaimsPrincipal token)
        {
            var id = token.FindFirstValue("oid") ?? token.FindFirstValue("sub")
                ?? throw new InvalidOperationException("The ID token has neither an oid nor a sub claim.");
            var userName = token.FindFirstValue("preferred_username") ?? token.FindFirstValue("email") ?? token.FindFirstValue("upn");
            return new Account(CoachIdPrefix + id, token.FindFirstValue("name"), userName);
        }

        public string Describe() => (Name, UserName) switch
        {
            ({ } name, { } user) => name + " (" + user + ")",
            ({ } name, null) => name,
            (null, { } user) => user,
            _ => CoachId,
        };
    }
}

/// <summary>What the coach cookie's check does with a principal at each request.</summary>
internal enum SessionCheck
{
    /// <summary>Keep the session.</summary>
    Keep,

    /// <summary>End the session: its way of signing in is switched off.</summary>
    End,

    /// <summary>Keep it while the local account still exists.</summary>
    CheckLocalAccount,
}
