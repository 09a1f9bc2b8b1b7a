using CoachBot.CoachReview.Actions;
using CoachBot.CoachReview.Audit;
using CoachBot.CoachReview.Queue;
using CoachBot.CoachReview.Web;
using CoachBot.Protocol.Schema;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.CoachReview.Patients;

/// <summary>One patient: the page, its JSON, and the coach's actions on the patient (reply, hand back, override, clear).</summary>
internal static class PatientEndpoints
{
    public static RouteGroupBuilder MapPatients(this RouteGroupBuilder pages)
    {
        pages.MapGet("/patients/{patientId}", PatientAsync).Audited(AuditActions.ViewPatient);
        pages.MapPost("/patients/{patientId}/reply", ReplyAsync);
        pages.MapPost("/patients/{patientId}/hand-back", HandBackAsync);
        pages.MapPost("/patients/{patientId}/override", OverrideAsync);
        pages.MapPost("/patients/{patientId}/clear", ClearAsync);
        return pages;
    }

    public static RouteGroupBuilder MapPatientApi(this RouteGroupBuilder api)
    {
        api.MapGet("/patients/{patientId}", PatientApiAsync).Audited(AuditActions.ViewPatient, "api");
        return api;
    }

    /// <summary>After an action: back to the patient page with a notice, or the page again with the error (and the reply typed).</summary>
    public static async Task<IResult> AfterPatientActionAsync(HttpContext context, string patientId, ActionOutcome outcome, string done, string? draft)
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
        return await RenderPatientAsync(context, patientId, null, outcome.Message, draft, status).ConfigureAwait(false);
    }

    private static Task<IResult> PatientAsync(HttpContext context, string patientId, string? done) =>
        RenderPatientAsync(context, patientId, QueueEndpoints.Notice(done), null, null, StatusCodes.Status200OK);

    private static async Task<IResult> ReplyAsync(HttpContext context, CoachActions actions, string patientId)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var text = form["text"].ToString();
        var outcome = await actions.ReplyAsync(CoachIdentity.From(context.User), patientId, text, context.RequestAborted).ConfigureAwait(false);
        return await AfterPatientActionAsync(context, patientId, outcome, "replied", text).ConfigureAwait(false);
    }

    private static async Task<IResult> HandBackAsync(HttpContext context, CoachActions actions, string patientId)
    {
        var outcome = await actions.HandBackAsync(CoachIdentity.From(context.User), patientId, context.RequestAborted).ConfigureAwait(false);
        return await AfterPatientActionAsync(context, patientId, outcome, "handed-back", null).ConfigureAwait(false);
    }

    private static async Task<IResult> OverrideAsync(HttpContext context, CoachActions actions, string patientId)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var outcome = await actions.OverrideNextDecisionAsync(CoachIdentity.From(context.User), patientId, form["decision"].ToString(), form["reason"].ToString(), context.RequestAborted).ConfigureAwait(false);
        return await AfterPatientActionAsync(context, patientId, outcome, "override", null).ConfigureAwait(false);
    }

    private static async Task<IResult> ClearAsync(HttpContext context, CoachActions actions, string patientId)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var outcome = await actions.ClearForTrainingAsync(CoachIdentity.From(context.User), patientId, form["note"].ToString(), context.RequestAborted).ConfigureAwait(false);
        return await AfterPatientActionAsync(context, patientId, outcome, "cleared", null).ConfigureAwait(false);
    }

    private static async Task<IResult> PatientApiAsync(HttpContext context, PatientFiles files, string patientId)
    {
        var file = await files.LoadAsync(patientId, context.RequestAborted).ConfigureAwait(false);
        if (file is null)
        {
            return Results.Json(new { error = "There is no such patient." }, CoachReviewEndpoints.Json, statusCode: StatusCodes.Status404NotFound);
        }

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
            Transcript = file.Transcript.Where(a => a.Type == ActivityTypes.Message).Select(a => new { a.Timestamp, From = a.From?.Id, a.Text }),
        }, CoachReviewEndpoints.Json);
    }

    /// <summary>The patient page (audited as a view, also when it is shown again with an action's error).</summary>
    private static async Task<IResult> RenderPatientAsync(HttpContext context, string patientId, string? notice, string? error, string? draft, int status)
    {
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        var coach = CoachIdentity.From(context.User);
        var file = await context.RequestServices.GetRequiredService<PatientFiles>().LoadAsync(patientId, context.RequestAborted).ConfigureAwait(false);
        if (file is null)
        {
            return Html.Page(context, antiforgery, "Not found", coach, Pages.Message("Not found", error ?? "There is no such patient."), StatusCodes.Status404NotFound);
        }

        var audit = context.AuditNote();
        audit.Action = AuditActions.ViewPatient;
        audit.PatientId = patientId;
        audit.EvenOnError = true;
        var zone = context.RequestServices.GetRequiredService<CoachZone>().Zone;
        return Html.Page(context, antiforgery, file.Patient.Name ?? patientId, coach, Html.Component<PatientView>(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [nameof(PatientView.File)] = file,
            [nameof(PatientView.Zone)] = zone,
            [nameof(PatientView.Notice)] = notice,
            [nameof(PatientView.Error)] = error,
            [nameof(PatientView.ReplyDraft)] = draft,
        }), status);
    }
}
