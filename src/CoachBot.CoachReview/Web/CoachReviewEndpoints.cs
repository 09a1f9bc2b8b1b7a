using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CoachBot.Accounts;
using CoachBot.CoachReview.Actions;
using CoachBot.CoachReview.Audit;
using CoachBot.CoachReview.Caseload;
using CoachBot.CoachReview.Overview;
using CoachBot.CoachReview.Inbox;
using CoachBot.CoachReview.Live;
using CoachBot.CoachReview.Patients;
using CoachBot.CoachReview.Queue;
using CoachBot.CoachReview.SignIn;
using CoachBot.Storage.Records;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachBot.CoachReview.Web;

/// <summary>
/// The coach web app under <c>/coach</c>: login, the escalation queue, the patient view, the actions (POST forms
/// with antiforgery tokens), the audit log, and read-only JSON under <c>/coach/api</c>. Everything but the login
/// page needs a logged-in coach: pages redirect to the login page, APIs answer 401.
/// </summary>
public static class CoachReviewEndpoints
{
    /// <summary>The one answer to a refused login: wrong e-mail, wrong password and a locked account read the same.</summary>
    internal const string LoginRefused = "The e-mail or password is wrong, or the account is locked for a while after too many failed logins.";

    private static readonly JsonSerializerOptions Json = CreateJson();

    private static readonly Dictionary<string, string> Notices = new(StringComparer.Ordinal)
    {
        ["acknowledged"] = "Acknowledged.",
        ["resolved"] = "Resolved, with your note.",
        ["replied"] = "Your reply was sent. You now hold the conversation: the bot stays quiet until you hand back.",
        ["handed-back"] = "Handed back: the bot answers the patient again.",
        ["override"] = "The next check-in will use your decision.",
        ["cleared"] = "Cleared for training. The bot shows the patient their plan on their next message.",
    };

    /// <summary>Maps every coach route. Requires <see cref="CoachReviewServiceCollectionExtensions.AddCoachReview"/>.</summary>
    public static IEndpointRouteBuilder MapCoachReview(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var coach = endpoints.MapGroup("/coach").AddEndpointFilter(RequireHttpsForSecureCookies);
        coach.MapGet("/login", LoginPage).AllowAnonymous();
        coach.MapPost("/login", LoginAsync).AllowAnonymous()
            .AddEndpointFilter((context, next) => OrganisationSignIn.LocalAccountsEnabled(context.HttpContext.RequestServices) ? next(context) : ValueTask.FromResult<object?>(Results.NotFound()));
        endpoints.MapOrganisationSignIn();

        var pages = coach.MapGroup(string.Empty).RequireAuthorization(CoachAuth.Policy);
        pages.MapPost("/logout", LogoutAsync);
        pages.MapGet(string.Empty, QueueAsync);
        pages.MapGet("/patients/{patientId}", PatientAsync);
        pages.MapGet("/audit", AuditAsync);
        pages.MapPost("/escalations/{escalationId}/acknowledge", AcknowledgeAsync);
        pages.MapPost("/escalations/{escalationId}/resolve", ResolveAsync);
        pages.MapPost("/patients/{patientId}/reply", ReplyAsync);
        pages.MapPost("/patients/{patientId}/hand-back", HandBackAsync);
        pages.MapPost("/patients/{patientId}/override", OverrideAsync);
        pages.MapPost("/patients/{patientId}/clear", ClearAsync);
        pages.MapCaseload();
        pages.MapOverview();
        pages.MapInbox();
        pages.MapLive();

        var api = coach.MapGroup("/api").RequireAuthorization(CoachAuth.Policy);
        api.MapGet("/queue", QueueApiAsync);
        api.MapGet("/patients/{patientId}", PatientApiAsync);
        api.MapGet("/audit", AuditApiAsync);
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

    private static IResult LoginPage(HttpContext context, IAntiforgery antiforgery, string? returnUrl)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            return Results.Redirect("/coach");
        }

        return Html.Page(context, antiforgery, "Log in", null, Pages.Login(context, antiforgery, null, null, CoachAuth.IsSafeReturnUrl(returnUrl) ? returnUrl : null));
    }

    private static async Task<IResult> LoginAsync(HttpContext context, IAntiforgery antiforgery, CoachAccounts accounts, LoginForms forms, AuditLog audit)
    {
        var form = await CoachForms.ReadValidFormAsync(context, antiforgery).ConfigureAwait(false);
        if (form is null || !forms.Accept(form[LoginForms.FieldName].ToString()))
        {
            return Html.Page(context, antiforgery, "Log in", null, Pages.Login(context, antiforgery, null, "The form had expired. Please try again.", null), StatusCodes.Status400BadRequest);
        }

        var email = form["email"].ToString();
        var returnUrl = form["returnUrl"].ToString();
        var result = await accounts.LoginAsync(email, form["password"].ToString(), context.RequestAborted).ConfigureAwait(false);
        if (result.Outcome != LoginOutcome.Success)
        {
            // The audit log tells a lock-out from a wrong password; the answer does not, so it cannot tell which
            // e-mails have accounts (an unknown e-mail is never locked).
            var who = CoachAccounts.NormalizeEmail(email) ?? "(not an e-mail)";
            var detail = (result.PasswordChecked, result.Outcome) switch
            {
                (true, LoginOutcome.LockedOut) => "wrong password; account now locked",
                (true, _) => "wrong password",
                (false, LoginOutcome.LockedOut) => "locked out",
                _ => "wrong e-mail or password",
            };
            await audit.RecordAsync(who, AuditActions.LoginFailed, detail: detail, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            return Html.Page(context, antiforgery, "Log in", null, Pages.Login(context, antiforgery, email, LoginRefused, CoachAuth.IsSafeReturnUrl(returnUrl) ? returnUrl : null), StatusCodes.Status401Unauthorized);
        }

        await context.SignInAsync(CoachAuth.Scheme, CoachAuth.Principal(result.Account!), new AuthenticationProperties { IsPersistent = false }).ConfigureAwait(false);
        await audit.RecordAsync(result.Account!.Email, AuditActions.Login, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        return Results.Redirect(CoachAuth.IsSafeReturnUrl(returnUrl) ? returnUrl : "/coach");
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, IAntiforgery antiforgery, AuditLog audit)
    {
        if (await CoachForms.ReadValidFormAsync(context, antiforgery).ConfigureAwait(false) is null)
        {
            return BadForm(context, antiforgery);
        }

        var organisation = OrganisationSignIn.IsOrganisationAccount(context.User);
        await audit.RecordAsync(CoachIdentity.From(context.User).Email, AuditActions.Logout, detail: organisation ? "organisation account" : null, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        if (organisation)
        {
            return OrganisationSignIn.SignOut();
        }

        await context.SignOutAsync(CoachAuth.Scheme).ConfigureAwait(false);
        return Results.Redirect(CoachAuth.LoginPath);
    }

    private static async Task<IResult> QueueAsync(HttpContext context, IAntiforgery antiforgery, QueueBuilder queue, AuditLog audit, CoachZone zone, string? done, string? error)
    {
        var coach = CoachIdentity.From(context.User);
        var items = await queue.ListAsync(context.RequestAborted).ConfigureAwait(false);
        await audit.RecordAsync(coach.Email, AuditActions.ViewQueue, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        return Html.Page(context, antiforgery, "Queue", coach, Pages.Queue(context, antiforgery, items, zone.Zone, Notice(done), error is null ? null : "That action did not work: " + error));
    }

    private static async Task<IResult> PatientAsync(HttpContext context, IAntiforgery antiforgery, PatientFiles files, AuditLog audit, CoachZone zone, string patientId, string? done)
    {
        var coach = CoachIdentity.From(context.User);
        return await RenderPatientAsync(context, antiforgery, files, audit, zone, coach, patientId, Notice(done), null, null, StatusCodes.Status200OK).ConfigureAwait(false);
    }

    private static async Task<IResult> AuditAsync(HttpContext context, IAntiforgery antiforgery, AuditLog audit, CoachZone zone, TimeProvider time, string? day)
    {
        var coach = CoachIdentity.From(context.User);
        if (!TryDay(day, time, out var date))
        {
            return Html.Page(context, antiforgery, "Audit log", coach, Pages.Message("Audit log", "The day must look like 2025-01-31."), StatusCodes.Status400BadRequest);
        }

        var entries = await audit.ReadDayAsync(date, context.RequestAborted).ConfigureAwait(false);
        await audit.RecordAsync(coach.Email, AuditActions.ViewAudit, detail: date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), cancellationToken: context.RequestAborted).ConfigureAwait(false);
        return Html.Page(context, antiforgery, "Audit log", coach, Pages.Audit(date, entries, zone.Zone));
    }

    private static async Task<IResult> AcknowledgeAsync(HttpContext context, IAntiforgery antiforgery, CoachActions actions, PatientFiles files, AuditLog audit, CoachZone zone, IEscalationRepository escalations, string escalationId)
    {
        var form = await CoachForms.ReadValidFormAsync(context, antiforgery).ConfigureAwait(false);
        if (form is null)
        {
            return BadForm(context, antiforgery);
        }

        var coach = CoachIdentity.From(context.User);
        var outcome = await actions.AcknowledgeAsync(coach, escalationId, context.RequestAborted).ConfigureAwait(false);
        if (string.Equals(form["back"], "queue", StringComparison.Ordinal))
        {
            return outcome.Succeeded ? Results.Redirect("/coach?done=acknowledged") : Results.Redirect("/coach?error=" + Uri.EscapeDataString(outcome.Message ?? "failed"));
        }

        return await AfterEscalationActionAsync(context, antiforgery, files, audit, zone, escalations, coach, escalationId, outcome, "acknowledged").ConfigureAwait(false);
    }

    private static async Task<IResult> ResolveAsync(HttpContext context, IAntiforgery antiforgery, CoachActions actions, PatientFiles files, AuditLog audit, CoachZone zone, IEscalationRepository escalations, string escalationId)
    {
        var form = await CoachForms.ReadValidFormAsync(context, antiforgery).ConfigureAwait(false);
        if (form is null)
        {
            return BadForm(context, antiforgery);
        }

        var coach = CoachIdentity.From(context.User);
        var outcome = await actions.ResolveAsync(coach, escalationId, form["note"].ToString(), context.RequestAborted).ConfigureAwait(false);
        return await AfterEscalationActionAsync(context, antiforgery, files, audit, zone, escalations, coach, escalationId, outcome, "resolved").ConfigureAwait(false);
    }

    private static async Task<IResult> ReplyAsync(HttpContext context, IAntiforgery antiforgery, CoachActions actions, PatientFiles files, AuditLog audit, CoachZone zone, string patientId)
    {
        var form = await CoachForms.ReadValidFormAsync(context, antiforgery).ConfigureAwait(false);
        if (form is null)
        {
            return BadForm(context, antiforgery);
        }

        var coach = CoachIdentity.From(context.User);
        var text = form["text"].ToString();
        var outcome = await actions.ReplyAsync(coach, patientId, text, context.RequestAborted).ConfigureAwait(false);
        return await AfterPatientActionAsync(context, antiforgery, files, audit, zone, coach, patientId, outcome, "replied", text).ConfigureAwait(false);
    }

    private static async Task<IResult> HandBackAsync(HttpContext context, IAntiforgery antiforgery, CoachActions actions, PatientFiles files, AuditLog audit, CoachZone zone, string patientId)
    {
        if (await CoachForms.ReadValidFormAsync(context, antiforgery).ConfigureAwait(false) is null)
        {
            return BadForm(context, antiforgery);
        }

        var coach = CoachIdentity.From(context.User);
        var outcome = await actions.HandBackAsync(coach, patientId, context.RequestAborted).ConfigureAwait(false);
        return await AfterPatientActionAsync(context, antiforgery, files, audit, zone, coach, patientId, outcome, "handed-back", null).ConfigureAwait(false);
    }

    private static async Task<IResult> OverrideAsync(HttpContext context, IAntiforgery antiforgery, CoachActions actions, PatientFiles files, AuditLog audit, CoachZone zone, string patientId)
    {
        var form = await CoachForms.ReadValidFormAsync(context, antiforgery).ConfigureAwait(false);
        if (form is null)
        {
            return BadForm(context, antiforgery);
        }

        var coach = CoachIdentity.From(context.User);
        var outcome = await actions.OverrideNextDecisionAsync(coach, patientId, form["decision"].ToString(), form["reason"].ToString(), context.RequestAborted).ConfigureAwait(false);
        return await AfterPatientActionAsync(context, antiforgery, files, audit, zone, coach, patientId, outcome, "override", null).ConfigureAwait(false);
    }

    private static async Task<IResult> ClearAsync(HttpContext context, IAntiforgery antiforgery, CoachActions actions, PatientFiles files, AuditLog audit, CoachZone zone, string patientId)
    {
        var form = await CoachForms.ReadValidFormAsync(context, antiforgery).ConfigureAwait(false);
        if (form is null)
        {
            return BadForm(context, antiforgery);
        }

        var coach = CoachIdentity.From(context.User);
        var outcome = await actions.ClearForTrainingAsync(coach, patientId, form["note"].ToString(), context.RequestAborted).ConfigureAwait(false);
        return await AfterPatientActionAsync(context, antiforgery, files, audit, zone, coach, patientId, outcome, "cleared", null).ConfigureAwait(false);
    }

    private static async Task<IResult> QueueApiAsync(HttpContext context, QueueBuilder queue, AuditLog audit)
    {
        var coach = CoachIdentity.From(context.User);
        var items = await queue.ListAsync(context.RequestAborted).ConfigureAwait(false);
        await audit.RecordAsync(coach.Email, AuditActions.ViewQueue, detail: "api", cancellationToken: context.RequestAborted).ConfigureAwait(false);
        return Results.Json(items.Select(i => new
        {
            i.Escalation.Id,
            i.Escalation.PatientId,
            i.PatientName,
            i.Escalation.Level,
            i.Escalation.RuleIds,
            i.Escalation.Reason,
            i.Escalation.PatientWords,
            i.Escalation.MoreRaised,
            i.Escalation.RaisedAt,
            i.Escalation.Status,
            i.DueAt,
            WaitingMinutes = (long)i.Waiting.TotalMinutes,
            i.Overdue,
        }), Json);
    }

    private static async Task<IResult> PatientApiAsync(HttpContext context, PatientFiles files, AuditLog audit, string patientId)
    {
        var coach = CoachIdentity.From(context.User);
        var file = await files.LoadAsync(patientId, context.RequestAborted).ConfigureAwait(false);
        if (file is null)
        {
            return Results.Json(new { error = "There is no such patient." }, Json, statusCode: StatusCodes.Status404NotFound);
        }

        await audit.RecordAsync(coach.Email, AuditActions.ViewPatient, patientId, detail: "api", cancellationToken: context.RequestAborted).ConfigureAwait(false);
        var p = file.Patient;
        return Results.Json(new
        {
            p.PatientId,
            p.Name,
            p.ChannelId,
            p.Onboarded,
            p.BaselinePain,
            p.CoachHoldsConversation,
            p.HoldingCoach,
            p.NextDecisionOverride,
            p.Clearance,
            CheckIns = file.CheckIns.Select(c => new { c.Sequence, c.RecordedAt, c.Input.PainNow, c.Decision, c.Escalation, c.FiredRules, c.Override }),
            file.Escalations,
            Transcript = file.Transcript.Where(a => a.Type == Protocol.Schema.ActivityTypes.Message).Select(a => new { a.Timestamp, From = a.From?.Id, a.Text }),
        }, Json);
    }

    private static async Task<IResult> AuditApiAsync(HttpContext context, AuditLog audit, TimeProvider time, string? day)
    {
        var coach = CoachIdentity.From(context.User);
        if (!TryDay(day, time, out var date))
        {
            return Results.Json(new { error = "The day must look like 2025-01-31." }, Json, statusCode: StatusCodes.Status400BadRequest);
        }

        var entries = await audit.ReadDayAsync(date, context.RequestAborted).ConfigureAwait(false);
        await audit.RecordAsync(coach.Email, AuditActions.ViewAudit, detail: "api " + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), cancellationToken: context.RequestAborted).ConfigureAwait(false);
        return Results.Json(entries, Json);
    }

    private static async Task<IResult> AfterEscalationActionAsync(
        HttpContext context, IAntiforgery antiforgery, PatientFiles files, AuditLog audit, CoachZone zone, IEscalationRepository escalations,
        CoachIdentity coach, string escalationId, ActionOutcome outcome, string done)
    {
        var patientId = (await escalations.GetAsync(escalationId, context.RequestAborted).ConfigureAwait(false))?.PatientId;
        if (patientId is null)
        {
            return Html.Page(context, antiforgery, "Not found", coach, Pages.Message("Not found", outcome.Message ?? "There is no such escalation."), StatusCodes.Status404NotFound);
        }

        return await AfterPatientActionAsync(context, antiforgery, files, audit, zone, coach, patientId, outcome, done, null).ConfigureAwait(false);
    }

    private static async Task<IResult> AfterPatientActionAsync(
        HttpContext context, IAntiforgery antiforgery, PatientFiles files, AuditLog audit, CoachZone zone,
        CoachIdentity coach, string patientId, ActionOutcome outcome, string done, string? draft)
    {
        if (outcome.Succeeded)
        {
            return Results.Redirect(Pages.PatientUrl(patientId) + "?done=" + done);
        }

        var status = outcome.Status switch
        {
            ActionStatus.NotFound => StatusCodes.Status404NotFound,
            ActionStatus.Invalid => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status502BadGateway,
        };
        return await RenderPatientAsync(context, antiforgery, files, audit, zone, coach, patientId, null, outcome.Message, draft, status).ConfigureAwait(false);
    }

    private static async Task<IResult> RenderPatientAsync(
        HttpContext context, IAntiforgery antiforgery, PatientFiles files, AuditLog audit, CoachZone zone,
        CoachIdentity coach, string patientId, string? notice, string? error, string? draft, int status)
    {
        var file = await files.LoadAsync(patientId, context.RequestAborted).ConfigureAwait(false);
        if (file is null)
        {
            return Html.Page(context, antiforgery, "Not found", coach, Pages.Message("Not found", error ?? "There is no such patient."), StatusCodes.Status404NotFound);
        }

        await audit.RecordAsync(coach.Email, AuditActions.ViewPatient, patientId, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        return Html.Page(context, antiforgery, file.Patient.Name ?? patientId, coach, Pages.Patient(context, antiforgery, file, zone.Zone, notice, error, draft), status);
    }

    private static IResult BadForm(HttpContext context, IAntiforgery antiforgery) =>
        Html.Page(context, antiforgery, "Form expired", CoachIdentity.From(context.User), Pages.Message("Form expired", "The form was missing its security token or had expired. Go back, reload the page and try again. Nothing was changed."), StatusCodes.Status400BadRequest);

    private static string? Notice(string? done) => done is not null && Notices.TryGetValue(done, out var text) ? text : null;

    private static bool TryDay(string? day, TimeProvider time, out DateOnly date)
    {
        if (string.IsNullOrEmpty(day))
        {
            date = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            return true;
        }

        return DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
