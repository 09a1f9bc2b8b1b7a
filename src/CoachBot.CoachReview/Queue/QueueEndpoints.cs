using CoachBot.CoachReview.Actions;
using CoachBot.CoachReview.Audit;
using CoachBot.CoachReview.Patients;
using CoachBot.CoachReview.Web;
using CoachBot.Records;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.CoachReview.Queue;

/// <summary>The escalation queue (<c>/coach</c>, <c>/coach/api/queue</c>) and the escalation actions (acknowledge, resolve).</summary>
internal static class QueueEndpoints
{
    private static readonly Dictionary<string, string> Notices = new(StringComparer.Ordinal)
    {
        ["acknowledged"] = "Acknowledged.",
        ["resolved"] = "Resolved, with your note.",
        ["replied"] = "Your reply was sent. You now hold the conversation: the bot stays quiet until you hand back.",
        ["handed-back"] = "Handed back: the bot answers the patient again.",
        ["override"] = "The next check-in will use your decision.",
        ["cleared"] = "Cleared for training. The bot shows the patient their plan on their next message.",
    };

    public static RouteGroupBuilder MapQueue(this RouteGroupBuilder pages)
    {
        pages.MapGet(string.Empty, QueueAsync).Audited(AuditActions.ViewQueue);
        pages.MapPost("/escalations/{escalationId}/acknowledge", AcknowledgeAsync);
        pages.MapPost("/escalations/{escalationId}/resolve", ResolveAsync);
        return pages;
    }

    public static RouteGroupBuilder MapQueueApi(this RouteGroupBuilder api)
    {
        api.MapGet("/queue", QueueApiAsync).Audited(AuditActions.ViewQueue, "api");
        return api;
    }

    /// <summary>The banner text of <c>?done=</c> after an action.</summary>
    public static string? Notice(string? done) => done is not null && Notices.TryGetValue(done, out var text) ? text : null;

    private static async Task<IResult> QueueAsync(HttpContext context, IAntiforgery antiforgery, QueueBuilder queue, CoachZone zone, string? done, string? error)
    {
        var items = await queue.ListAsync(context.RequestAborted).ConfigureAwait(false);
        return Html.Page(context, antiforgery, "Queue", CoachIdentity.From(context.User), Body(items, zone.Zone, Notice(done), error is null ? null : "That action did not work: " + error));
    }

    /// <summary>The page's content (<see cref="QueueView"/>), also sent alone by <c>/coach/live/queue</c>.</summary>
    public static RenderFragment Body(IReadOnlyList<QueueItem> items, TimeZoneInfo zone, string? notice, string? error) =>
        Html.Component<QueueView>(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [nameof(QueueView.Items)] = items,
            [nameof(QueueView.Zone)] = zone,
            [nameof(QueueView.Notice)] = notice,
            [nameof(QueueView.Error)] = error,
        });

    private static async Task<IResult> AcknowledgeAsync(HttpContext context, CoachActions actions, IEscalationRepository escalations, string escalationId)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var outcome = await actions.AcknowledgeAsync(CoachIdentity.From(context.User), escalationId, context.RequestAborted).ConfigureAwait(false);
        if (string.Equals(form["back"], "queue", StringComparison.Ordinal))
        {
            return outcome.Succeeded ? Results.Redirect("/coach?done=acknowledged") : Results.Redirect("/coach?error=" + Uri.EscapeDataString(outcome.Message ?? "failed"));
        }

        return await AfterEscalationActionAsync(context, escalations, escalationId, outcome, "acknowledged").ConfigureAwait(false);
    }

    private static async Task<IResult> ResolveAsync(HttpContext context, CoachActions actions, IEscalationRepository escalations, string escalationId)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var outcome = await actions.ResolveAsync(CoachIdentity.From(context.User), escalationId, form["note"].ToString(), context.RequestAborted).ConfigureAwait(false);
        return await AfterEscalationActionAsync(context, escalations, escalationId, outcome, "resolved").ConfigureAwait(false);
    }

    private static async Task<IResult> QueueApiAsync(HttpContext context, QueueBuilder queue)
    {
        var items = await queue.ListAsync(context.RequestAborted).ConfigureAwait(false);
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
        }), CoachReviewEndpoints.Json);
    }

    private static async Task<IResult> AfterEscalationActionAsync(HttpContext context, IEscalationRepository escalations, string escalationId, ActionOutcome outcome, string done)
    {
        var patientId = (await escalations.GetAsync(escalationId, context.RequestAborted).ConfigureAwait(false))?.PatientId;
        if (patientId is null)
        {
            return Html.Page(context, context.RequestServices.GetRequiredService<IAntiforgery>(), "Not found", CoachIdentity.From(context.User), Pages.Message("Not found", outcome.Message ?? "There is no such escalation."), StatusCodes.Status404NotFound);
        }

        return await PatientEndpoints.AfterPatientActionAsync(context, patientId, outcome, done, null).ConfigureAwait(false);
    }
}
