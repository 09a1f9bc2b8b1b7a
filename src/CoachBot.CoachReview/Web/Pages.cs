using CoachBot.CoachReview.SignIn;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static CoachBot.CoachReview.Web.Html;

namespace CoachBot.CoachReview.Web;

/// <summary>The bodies of the login and message pages, and the address of a patient page.</summary>
internal static class Pages
{
    public static RenderFragment Login(HttpContext context, IAntiforgery antiforgery, string? email, string? error, string? returnUrl)
    {
        var services = context.RequestServices;
        var local = OrganisationSignIn.LocalAccountsEnabled(services);
        var tokens = local ? antiforgery.GetAndStoreTokens(context) : null;
        return Component<LoginForm>(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [nameof(LoginForm.Error)] = error,
            [nameof(LoginForm.OrganisationUrl)] = OrganisationSignIn.IsEnabled(services) ? OrganisationSignIn.StartUrl(returnUrl) : null,
            [nameof(LoginForm.TokenName)] = tokens?.FormFieldName,
            [nameof(LoginForm.TokenValue)] = tokens?.RequestToken,
            [nameof(LoginForm.Ticket)] = local ? services.GetRequiredService<LoginForms>().Issue() : null,
            [nameof(LoginForm.ReturnUrl)] = returnUrl,
            [nameof(LoginForm.Email)] = email,
        });
    }

    public static RenderFragment Message(string heading, string text) =>
        Component<MessageBody>(new Dictionary<string, object?>(StringComparer.Ordinal) { [nameof(MessageBody.Heading)] = heading, [nameof(MessageBody.Text)] = text });

    public static string PatientUrl(string patientId) => "/coach/patients/" + Uri.EscapeDataString(patientId);
}
