using CoachBot.CoachReview.Actions;
using CoachBot.CoachReview.Audit;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.CoachReview.Web;

/// <summary>
/// The coach audit entry of one request. An endpoint names its action with <see cref="CoachFilters.Audited"/>; the
/// handler may add what only it knows (the detail, the patient); <see cref="CoachFilters.Audit"/> records it after
/// the handler, for the logged-in coach, when the page or answer was given (not for a refused request).
/// </summary>
internal sealed class AuditNote
{
    public string? Action { get; set; }

    /// <summary>Who to record; the logged-in coach when null (the login page sets the e-mail typed in).</summary>
    public string? Coach { get; set; }

    public string? PatientId { get; set; }

    public string? EscalationId { get; set; }

    public string? Detail { get; set; }

    /// <summary>Record even though the answer is an error page (a refused login, a patient page shown after a failed action).</summary>
    public bool EvenOnError { get; set; }
}

/// <summary>The endpoint metadata that names a route's audit action.</summary>
internal sealed record AuditedAttribute(string Action, string? Detail);

/// <summary>Endpoint filters of the coach pages: antiforgery results and auditing.</summary>
internal static class CoachFilters
{
    private const string NoteKey = "CoachBot.CoachReview.AuditNote";

    /// <summary>Names the audit action of a route (recorded by <see cref="Audit"/>, which the coach groups carry).</summary>
    public static RouteHandlerBuilder Audited(this RouteHandlerBuilder endpoint, string action, string? detail = null) =>
        endpoint.WithMetadata(new AuditedAttribute(action, detail));

    /// <summary>The audit entry of this request, for the handler to complete.</summary>
    public static AuditNote AuditNote(this HttpContext context) =>
        context.Items.TryGetValue(NoteKey, out var note) && note is AuditNote found ? found : throw new InvalidOperationException("The route has no audit filter.");

    /// <summary>
    /// Records the request's <see cref="AuditNote"/> after the handler when it names an action, unless the answer
    /// was an error (4xx or 5xx) that the handler did not mark <see cref="AuditNote.EvenOnError"/>.
    /// </summary>
    public static async ValueTask<object?> Audit(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var declared = context.GetEndpoint()?.Metadata.GetMetadata<AuditedAttribute>();
        var note = new AuditNote
        {
            Action = declared?.Action,
            Detail = declared?.Detail,
            PatientId = context.Request.RouteValues.TryGetValue("patientId", out var id) ? id as string : null,
        };
        context.Items[NoteKey] = note;
        var coach = context.User.Identity?.IsAuthenticated == true ? CoachIdentity.From(context.User).Email : null;
        var result = await next(invocation).ConfigureAwait(false);
        var failed = result is IStatusCodeHttpResult { StatusCode: >= 400 };
        if (note.Action is not null && (note.Coach ?? coach) is { } who && (!failed || note.EvenOnError))
        {
            var audit = context.RequestServices.GetRequiredService<AuditLog>();
            await audit.RecordAsync(who, note.Action, note.PatientId, note.EscalationId, note.Detail, context.RequestAborted).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>
    /// For POSTed forms: the antiforgery middleware (<c>UseAntiforgery</c>) checks the token of every route that
    /// requires one; a refused form gets <paramref name="refused"/>'s page and the handler does not run.
    /// </summary>
    public static EndpointFilterDelegate ValidForm(Func<HttpContext, IResult> refused, EndpointFilterDelegate next) =>
        invocation =>
        {
            var context = invocation.HttpContext;
            var checkedForm = context.Features.Get<IAntiforgeryValidationFeature>();
            return HttpMethods.IsPost(context.Request.Method) && checkedForm is not { IsValid: true }
                ? ValueTask.FromResult<object?>(refused(context))
                : next(invocation);
        };

    /// <summary>Adds <see cref="ValidForm"/> to a group or route, and the metadata that has the middleware check its token.</summary>
    public static TBuilder RequireValidForm<TBuilder>(this TBuilder builder, Func<HttpContext, IResult> refused)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new RequireAntiforgeryTokenAttribute());
        return builder.AddEndpointFilterFactory((_, next) => ValidForm(refused, next));
    }
}
