using System.Globalization;
using CoachBot.CoachReview.Actions;
using CoachBot.CoachReview.Web;
using CoachBot.Records.Caseload;
using CoachBot.Records;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoachBot.CoachReview.Caseload;

/// <summary>The audit actions of the caseload, overview and inbox pages.</summary>
public static class CaseloadAuditActions
{
    public const string ViewCaseload = "view-caseload";
    public const string Reassign = "reassign";
    public const string ViewOverview = "view-overview";
    public const string ViewInbox = "view-inbox";
    public const string InboxDone = "inbox-done";
}

/// <summary>
/// <c>/coach/patients</c>: the caseload from the read model's index documents (never every patient record), with
/// filters, name search and paging; and reassignment of the responsible coach, audited.
/// </summary>
internal static class CaseloadEndpoints
{
    public const int PageSize = 50;

    /// <summary>Maps the caseload routes into the coach group (which requires a logged-in coach).</summary>
    public static RouteGroupBuilder MapCaseload(this RouteGroupBuilder pages)
    {
        pages.MapGet("/patients", CaseloadAsync).Audited(CaseloadAuditActions.ViewCaseload);
        pages.MapPost("/patients/{patientId}/assign", AssignAsync).Audited(CaseloadAuditActions.Reassign);
        return pages;
    }

    /// <summary>The index owners a scope reads: mine, all (null: every owner), unassigned.</summary>
    public static IReadOnlyCollection<string>? Owners(string scope, CoachIdentity coach) => scope switch
    {
        "all" => null,
        "unassigned" => [CaseloadKeys.Unassigned],
        _ => [coach.Email],
    };

    private static async Task<IResult> CaseloadAsync(
        HttpContext context, IAntiforgery antiforgery, CaseloadStore caseload, CoachZone zone, TimeProvider time,
        string? scope, string? filter, int? quiet, string? q, int? page, string? done)
    {
        var coach = CoachIdentity.From(context.User);
        var scopeName = scope is "all" or "unassigned" ? scope : "mine";
        if (!CaseloadRequest.TryFilter(filter, out var chosen) || quiet is < 1 or > 365 || page is < 1)
        {
            return Html.Page(context, antiforgery, "Patients", coach, Pages.Message("Patients", "The filter, the quiet days (1-365) or the page number is not valid."), StatusCodes.Status400BadRequest);
        }

        var request = new CaseloadRequest(scopeName, chosen, quiet ?? CaseloadQuery.DefaultQuietDays, q, page ?? 1);
        var rows = await caseload.RowsAsync(Owners(scopeName, coach), context.RequestAborted).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var result = CaseloadQuery.Run(rows, chosen, q, request.Page, PageSize, now, request.QuietDays);
        context.AuditNote().Detail = request.Url();
        var notice = done == "assigned" ? "The responsible coach was changed." : null;
        return Page(context, antiforgery, coach, request, result, now, zone.Zone, notice);
    }

    /// <summary>The caseload page for a page of rows already queried (also timed by the caseload benchmark).</summary>
    internal static IResult Page(HttpContext context, IAntiforgery antiforgery, CoachIdentity coach, CaseloadRequest request, CaseloadPage page, DateTimeOffset now, TimeZoneInfo zone, string? notice) =>
        Html.Page(context, antiforgery, "Patients", coach, Html.Component<CaseloadView>(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [nameof(CaseloadView.Request)] = request,
            [nameof(CaseloadView.Page)] = page,
            [nameof(CaseloadView.Now)] = now,
            [nameof(CaseloadView.Zone)] = zone,
            [nameof(CaseloadView.Notice)] = notice,
        }));

    private static async Task<IResult> AssignAsync(
        HttpContext context, IAntiforgery antiforgery, CaseloadStore caseload, IPatientRepository patients, string patientId)
    {
        var coach = CoachIdentity.From(context.User);
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);

        var to = form["coach"].ToString().Trim();
        if (to.Length > 0 && (to.Length > 254 || !to.Contains('@', StringComparison.Ordinal)))
        {
            return Html.Page(context, antiforgery, "Patients", coach, Pages.Message("Patients", "The responsible coach must be a coach's e-mail, or empty for nobody."), StatusCodes.Status400BadRequest);
        }

        if (await patients.GetAsync(patientId, cancellationToken: context.RequestAborted).ConfigureAwait(false) is null)
        {
            return Html.Page(context, antiforgery, "Not found", coach, Pages.Message("Not found", "There is no such patient."), StatusCodes.Status404NotFound);
        }

        var before = (await caseload.AssignmentAsync(patientId, context.RequestAborted).ConfigureAwait(false))?.Coach;
        await caseload.AssignAsync(patientId, to.Length == 0 ? null : to, coach.Email, context.RequestAborted).ConfigureAwait(false);
        var detail = string.Create(CultureInfo.InvariantCulture, $"from {before ?? "nobody"} to {(to.Length == 0 ? "nobody" : to)}");
        context.AuditNote().Detail = detail;
        var back = form["back"].ToString();
        return Results.Redirect(back.StartsWith("/coach/patients?", StringComparison.Ordinal) && !back.Contains('#', StringComparison.Ordinal)
            ? back + "&done=assigned"
            : "/coach/patients?done=assigned");
    }
}
