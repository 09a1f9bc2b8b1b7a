using CoachBot.CoachReview.Actions;
using CoachBot.CoachReview.Caseload;
using CoachBot.CoachReview.Web;
using CoachBot.Records.Caseload;
using CoachBot.Records;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoachBot.CoachReview.Inbox;

/// <summary><c>/coach/inbox</c>: notes and replies as items a coach marks done (audited).</summary>
internal static class InboxEndpoints
{
    public static RouteGroupBuilder MapInbox(this RouteGroupBuilder pages)
    {
        pages.MapGet("/inbox", InboxAsync).Audited(CaseloadAuditActions.ViewInbox);
        pages.MapPost("/inbox/notes/{escalationId}/done", NoteDoneAsync).Audited(CaseloadAuditActions.InboxDone, "note");
        pages.MapPost("/inbox/replies/{patientId}/done", RepliesDoneAsync).Audited(CaseloadAuditActions.InboxDone, "replies");
        return pages;
    }

    private static async Task<IResult> InboxAsync(HttpContext context, IAntiforgery antiforgery, CaseloadStore caseload, InboxItems inbox, CoachZone zone, string? scope, string? done)
    {
        var coach = CoachIdentity.From(context.User);
        var all = string.Equals(scope, "all", StringComparison.Ordinal);
        var rows = await caseload.RowsAsync(null, context.RequestAborted).ConfigureAwait(false);
        var items = await inbox.ListAsync(rows, coach, all, context.RequestAborted).ConfigureAwait(false);
        context.AuditNote().Detail = all ? "all" : "mine";
        return Html.Page(context, antiforgery, "Inbox", coach, Body(items, all, zone.Zone, done == "1" ? "Marked done." : null));
    }

    /// <summary>The page's content (<see cref="InboxView"/>), also sent alone by <c>/coach/live/inbox</c>.</summary>
    public static RenderFragment Body(IReadOnlyList<InboxItem> items, bool all, TimeZoneInfo zone, string? notice) =>
        Html.Component<InboxView>(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [nameof(InboxView.Items)] = items,
            [nameof(InboxView.All)] = all,
            [nameof(InboxView.Zone)] = zone,
            [nameof(InboxView.Notice)] = notice,
        });

    private static async Task<IResult> NoteDoneAsync(HttpContext context, IAntiforgery antiforgery, IEscalationRepository escalations, TimeProvider time, string escalationId)
    {
        var coach = CoachIdentity.From(context.User);
        var note = await escalations.GetAsync(escalationId, context.RequestAborted).ConfigureAwait(false);
        if (note is null || !note.RuleIds.Contains(CaseloadProjection.NoteRule, StringComparer.Ordinal))
        {
            return Html.Page(context, antiforgery, "Not found", coach, Pages.Message("Not found", "There is no such note."), StatusCodes.Status404NotFound);
        }

        await escalations.UpdateStatusAsync(escalationId, EscalationStatus.Resolved, coach.Email, time.GetUtcNow(), context.RequestAborted).ConfigureAwait(false);
        var audit = context.AuditNote();
        audit.PatientId = note.PatientId;
        audit.EscalationId = escalationId;
        return Results.Redirect("/coach/inbox?done=1");
    }

    private static async Task<IResult> RepliesDoneAsync(HttpContext context, IAntiforgery antiforgery, CaseloadStore caseload, InboxItems inbox, string patientId)
    {
        var coach = CoachIdentity.From(context.User);
        var row = await caseload.GetAsync(patientId, context.RequestAborted).ConfigureAwait(false);
        if (row is null || !await inbox.MarkRepliesDoneAsync(row, coach.Email, context.RequestAborted).ConfigureAwait(false))
        {
            return Html.Page(context, antiforgery, "Not found", coach, Pages.Message("Not found", "There are no open replies from this patient."), StatusCodes.Status404NotFound);
        }

        return Results.Redirect("/coach/inbox?done=1");
    }
}
