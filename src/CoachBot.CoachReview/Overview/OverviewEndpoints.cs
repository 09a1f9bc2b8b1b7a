using CoachBot.CoachReview.Actions;
using CoachBot.CoachReview.Caseload;
using CoachBot.CoachReview.Web;
using CoachBot.Records.Caseload;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoachBot.CoachReview.Overview;

/// <summary><c>/coach/overview</c>: the programme's charts from the caseload read model (all patients, or mine).</summary>
internal static class OverviewEndpoints
{
    public static RouteGroupBuilder MapOverview(this RouteGroupBuilder pages)
    {
        pages.MapGet("/overview", OverviewAsync).Audited(CaseloadAuditActions.ViewOverview);
        return pages;
    }

    private static async Task<IResult> OverviewAsync(HttpContext context, IAntiforgery antiforgery, CaseloadStore caseload, CoachZone zone, TimeProvider time, string? scope)
    {
        var coach = CoachIdentity.From(context.User);
        var mine = string.Equals(scope, "mine", StringComparison.Ordinal);
        var rows = await caseload.RowsAsync(mine ? [coach.Email] : null, context.RequestAborted).ConfigureAwait(false);
        var model = OverviewModel.From(rows, time.GetUtcNow(), zone.Zone);
        context.AuditNote().Detail = mine ? "mine" : "all";
        return Html.Page(context, antiforgery, "Programme overview", coach, Html.Component<OverviewView>(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [nameof(OverviewView.Model)] = model,
            [nameof(OverviewView.Mine)] = mine,
        }));
    }
}
