using CoachBot.CoachReview.Actions;
using CoachBot.CoachReview.Audit;
using CoachBot.CoachReview.Caseload;
using CoachBot.CoachReview.Web;
using CoachBot.Records.Caseload;
using CoachBot.Records;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoachBot.CoachReview.Inbox;

/// <summary><c>/coach/inbox</c>: notes and replies as items a coach marks done (audited).</summary>
internal static class InboxEndpoints
{
    public static RouteGroupBuilder MapInbox(this RouteGroupBuilder pages)
    {
        pages.MapGet("/inbox", InboxAsync);
        pages.MapPost("/inbox/notes/{escalationId}/done", NoteDoneAsync);
        pages.MapPost("/inbox/replies/{patientId}/done", RepliesDoneAsync);
        return pages;
    }

    private static async Task<IResult> InboxAsync(HttpContext context, IAntiforgery antiforgery, CaseloadStore caseload, InboxItems inbox, AuditLog audit, CoachZone zone, string? scope, string? done)
    {
        var coach = CoachIdentity.From(context.User);
        var all = string.Equals(scope, "all", StringComparison.Ordinal);
        var rows = await caseload.RowsAsync(null, context.RequestAborted).ConfigureAwait(false);
        var items = await inbox.ListAsync(rows, coach, all, context.RequestAborted).ConfigureAwait(false);
        await audit.RecordAsync(coach.Email, CaseloadAuditActions.ViewInbox, detail: all ? "all" : "mine", cancellationToken: context.RequestAborted).ConfigureAwait(false);
        return Html.Page(context, antiforgery, "Inbox", coach, InboxView.Render(context, antiforgery, items, all, zone.Zone, done == "1" ? "Marked done." : null));
    }

    private static async Task<IResult> NoteDoneAsync(HttpContext context, IAntiforgery antiforgery, IEscalationRepository escalations, AuditLog audit, TimeProvider time, string escalationId)
    {
        var coach = CoachIdentity.From(context.User);
        if (await CoachForms.ReadValidFormAsync(context, antiforgery).ConfigureAwait(false) is null)
        {
            return Expired(context, antiforgery, coach);
        }

        var note = await escalations.GetAsync(escalationId, context.RequestAborted).ConfigureAwait(false);
        if (note is null || !note.RuleIds.Contains(CaseloadProjection.NoteRule, StringComparer.Ordinal))
        {
            return Html.Page(context, antiforgery, "Not found", coach, Pages.Message("Not found", "There is no such note."), StatusCodes.Status404NotFound);
        }

        await escalations.UpdateStatusAsync(escalationId, EscalationStatus.Resolved, coach.Email, time.GetUtcNow(), context.RequestAborted).ConfigureAwait(false);
        await audit.RecordAsync(coach.Email, CaseloadAuditActions.InboxDone, note.PatientId, escalationId, "note", context.RequestAborted).ConfigureAwait(false);
        return Results.Redirect("/coach/inbox?done=1");
    }

    private static async Task<IResult> RepliesDoneAsync(HttpContext context, IAntiforgery antiforgery, CaseloadStore caseload, InboxItems inbox, AuditLog audit, string patientId)
    {
        var coach = CoachIdentity.From(context.User);
        if (await CoachForms.ReadValidFormAsync(context, antiforgery).ConfigureAwait(false) is null)
        {
            return Expired(context, antiforgery, coach);
        }

        var row = await caseload.GetAsync(patientId, context.RequestAborted).ConfigureAwait(false);
        if (row is null || !await inbox.MarkRepliesDoneAsync(row, coach.Email, context.RequestAborted).ConfigureAwait(false))
        {
            return Html.Page(context, antiforgery, "Not found", coach, Pages.Message("Not found", "There are no open replies from this patient."), StatusCodes.Status404NotFound);
        }

        await audit.RecordAsync(coach.Email, CaseloadAuditActions.InboxDone, patientId, detail: "replies", cancellationToken: context.RequestAborted).ConfigureAwait(false);
        return Results.Redirect("/coach/inbox?done=1");
    }

    private static IResult Expired(HttpContext context, IAntiforgery antiforgery, CoachIdentity coach) =>
        Html.Page(context, antiforgery, "Form expired", coach, Pages.Message("Form expired", "The form was missing its security token or had expired. Go back, reload the page and try again. Nothing was changed."), StatusCodes.Status400BadRequest);
}
