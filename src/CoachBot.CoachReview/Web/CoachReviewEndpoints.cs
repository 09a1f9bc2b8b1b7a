using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CoachBot.CoachReview.Actions;
using CoachBot.CoachReview.Audit;
using CoachBot.CoachReview.Caseload;
using CoachBot.CoachReview.Inbox;
using CoachBot.CoachReview.Live;
using CoachBot.CoachReview.Overview;
using CoachBot.CoachReview.Patients;
using CoachBot.CoachReview.Queue;
using CoachBot.CoachReview.SignIn;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachBot.CoachReview.Web;

/// <summary>
/// The coach web app under <c>/coach</c>: sign-in, the escalation queue, patients, caseload, inbox, overview, live
/// updates, the audit log, and read-only JSON under <c>/coach/api</c>; one file per area maps its routes. Everything
/// but the login page needs a logged-in coach: pages redirect to the login page, APIs answer 401. POSTed forms are
/// checked by the antiforgery middleware (<c>UseAntiforgery</c>), and views and actions are audited by a filter.
/// </summary>
public static class CoachReviewEndpoints
{
    /// <summary>The one answer to a refused login: wrong e-mail, wrong password and a locked account read the same.</summary>
    internal const string LoginRefused = LoginEndpoints.LoginRefused;

    internal static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary>Maps every coach route. Requires <see cref="CoachReviewServiceCollectionExtensions.AddCoachReview"/>.</summary>
    public static IEndpointRouteBuilder MapCoachReview(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var coach = endpoints.MapGroup("/coach").AddEndpointFilter(RequireHttpsForSecureCookies).AddEndpointFilter(CoachFilters.Audit);
        coach.MapLogin();
        endpoints.MapOrganisationSignIn();

        var pages = coach.MapGroup(string.Empty).RequireAuthorization(CoachAuth.Policy).RequireValidForm(BadForm);
        pages.MapLogout();
        pages.MapQueue();
        pages.MapPatients();
        pages.MapAuditLog();
        pages.MapCaseload();
        pages.MapOverview();
        pages.MapInbox();
        pages.MapLive();

        var api = coach.MapGroup("/api").RequireAuthorization(CoachAuth.Policy);
        api.MapQueueApi();
        api.MapPatientApi();
        api.MapAuditApi();
        return endpoints;
    }

    /// <summary>Every coach route that needs a login, as (method, path) with sample ids (for the tests and the docs).</summary>
    public static IReadOnlyList<(string Method, string Path)> ProtectedRoutes { get; } =
    [
        ("POST", "/coach/logout"),
        ("GET", "/coach"),
        ("GET", "/coach/patients/p-1"),
        ("GET", "/coach/audit"),
        ("POST", "/coach/escalations/e-1/acknowledge"),
        ("POST", "/coach/escalations/e-1/resolve"),
        ("POST", "/coach/patients/p-1/reply"),
        ("POST", "/coach/patients/p-1/hand-back"),
        ("POST", "/coach/patients/p-1/override"),
        ("POST", "/coach/patients/p-1/clear"),
        ("GET", "/coach/patients"),
        ("POST", "/coach/patients/p-1/assign"),
        ("GET", "/coach/overview"),
        ("GET", "/coach/inbox"),
        ("POST", "/coach/inbox/notes/e-1/done"),
        ("POST", "/coach/inbox/replies/p-1/done"),
        ("GET", "/coach/live.js"),
        ("GET", "/coach/live/events"),
        ("GET", "/coach/live/queue"),
        ("GET", "/coach/live/inbox"),
        ("GET", "/coach/api/queue"),
        ("GET", "/coach/api/patients/p-1"),
        ("GET", "/coach/api/audit"),
    ];

    /// <summary>The page for a POSTed form without a valid antiforgery token: nothing was changed.</summary>
    internal static IResult BadForm(HttpContext context) =>
        Html.Page(context, context.RequestServices.GetRequiredService<IAntiforgery>(), "Form expired", CoachIdentity.From(context.User), Pages.Message("Form expired", "The form was missing its security token or had expired. Go back, reload the page and try again. Nothing was changed."), StatusCodes.Status400BadRequest);

    /// <summary>A day from <c>?day=2025-01-31</c>, today (UTC) when absent.</summary>
    internal static bool TryDay(string? day, TimeProvider time, out DateOnly date)
    {
        if (string.IsNullOrEmpty(day))
        {
            date = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            return true;
        }

        return DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>
    /// With Secure cookies (every environment but Development) the coach pages answer only over HTTPS: over plain http
    /// no cookie could come back, so the request is refused with a page saying why instead of failing later.
    /// </summary>
    private static async ValueTask<object?> RequireHttpsForSecureCookies(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var cookies = context.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CoachAuth.Scheme).Cookie;
        if (!context.Request.IsHttps && cookies.SecurePolicy == CookieSecurePolicy.Always)
        {
            context.Response.Headers.CacheControl = "no-store";
            return Results.Text(
                "Coach pages need HTTPS. Behind a TLS-terminating proxy, list the proxy in ForwardedHeaders:KnownProxies or ForwardedHeaders:KnownNetworks.",
                "text/plain; charset=utf-8",
                statusCode: StatusCodes.Status403Forbidden);
        }

        return await next(invocation).ConfigureAwait(false);
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
