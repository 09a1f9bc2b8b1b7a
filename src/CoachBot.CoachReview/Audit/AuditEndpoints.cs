using System.Globalization;
using CoachBot.CoachReview.Actions;
using CoachBot.CoachReview.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoachBot.CoachReview.Audit;

/// <summary>The audit log, one UTC day at a time: <c>/coach/audit</c> and <c>/coach/api/audit</c> (reading it is audited too).</summary>
internal static class AuditEndpoints
{
    private const string BadDay = "The day must look like 2025-01-31.";

    public static RouteGroupBuilder MapAuditLog(this RouteGroupBuilder pages)
    {
        pages.MapGet("/audit", AuditAsync).Audited(AuditActions.ViewAudit);
        return pages;
    }

    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", AuditApiAsync).Audited(AuditActions.ViewAudit);
        return api;
    }

    private static async Task<IResult> AuditAsync(HttpContext context, IAntiforgery antiforgery, AuditLog audit, CoachZone zone, TimeProvider time, string? day)
    {
        var coach = CoachIdentity.From(context.User);
        if (!CoachReviewEndpoints.TryDay(day, time, out var date))
        {
            return Html.Page(context, antiforgery, "Audit log", coach, Pages.Message("Audit log", BadDay), StatusCodes.Status400BadRequest);
        }

        var entries = await audit.ReadDayAsync(date, context.RequestAborted).ConfigureAwait(false);
        context.AuditNote().Detail = Day(date);
        return Html.Page(context, antiforgery, "Audit log", coach, Html.Component<AuditDay>(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [nameof(AuditDay.Day)] = date,
            [nameof(AuditDay.Entries)] = entries,
            [nameof(AuditDay.Zone)] = zone.Zone,
        }));
    }

    private static async Task<IResult> AuditApiAsync(HttpContext context, AuditLog audit, TimeProvider time, string? day)
    {
        if (!CoachReviewEndpoints.TryDay(day, time, out var date))
        {
            return Results.Json(new { error = BadDay }, CoachReviewEndpoints.Json, statusCode: StatusCodes.Status400BadRequest);
        }

        var entries = await audit.ReadDayAsync(date, context.RequestAborted).ConfigureAwait(false);
        context.AuditNote().Detail = "api " + Day(date);
        return Results.Json(entries, CoachReviewEndpoints.Json);
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
