using CoachBot.Accounts;
using CoachBot.CoachReview.Audit;
using CoachBot.CoachReview.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.CoachReview.SignIn;

/// <summary>Local-account login (<c>/coach/login</c>) and logout.</summary>
internal static class LoginEndpoints
{
    /// <summary>The one answer to a refused login: wrong e-mail, wrong password and a locked account read the same.</summary>
    internal const string LoginRefused = "The e-mail or password is wrong, or the account is locked for a while after too many failed logins.";

    public static RouteGroupBuilder MapLogin(this RouteGroupBuilder coach)
    {
        coach.MapGet("/login", LoginPage).AllowAnonymous();
        coach.MapPost("/login", LoginAsync).AllowAnonymous()
            .AddEndpointFilter((context, next) => OrganisationSignIn.LocalAccountsEnabled(context.HttpContext.RequestServices) ? next(context) : ValueTask.FromResult<object?>(Results.NotFound()))
            .RequireValidForm(Expired);
        return coach;
    }

    public static RouteGroupBuilder MapLogout(this RouteGroupBuilder pages)
    {
        pages.MapPost("/logout", (Func<HttpContext, Task<IResult>>)LogoutAsync).Audited(AuditActions.Logout);
        return pages;
    }

    private static IResult LoginPage(HttpContext context, IAntiforgery antiforgery, string? returnUrl)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            return Results.Redirect("/coach");
        }

        return Html.Page(context, antiforgery, "Log in", null, Pages.Login(context, antiforgery, null, null, CoachAuth.IsSafeReturnUrl(returnUrl) ? returnUrl : null));
    }

    private static IResult Expired(HttpContext context)
    {
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        return Html.Page(context, antiforgery, "Log in", null, Pages.Login(context, antiforgery, null, "The form had expired. Please try again.", null), StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> LoginAsync(HttpContext context, IAntiforgery antiforgery, CoachAccounts accounts, LoginForms forms)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        if (!forms.Accept(form[LoginForms.FieldName].ToString()))
        {
            return Expired(context);
        }

        var email = form["email"].ToString();
        var returnUrl = form["returnUrl"].ToString();
        var result = await accounts.LoginAsync(email, form["password"].ToString(), context.RequestAborted).ConfigureAwait(false);
        var audit = context.AuditNote();
        if (result.Outcome != LoginOutcome.Success)
        {
            // The audit log tells a lock-out from a wrong password; the answer does not, so it cannot tell which
            // e-mails have accounts (an unknown e-mail is never locked).
            audit.Action = AuditActions.LoginFailed;
            audit.Coach = CoachAccounts.NormalizeEmail(email) ?? "(not an e-mail)";
            audit.EvenOnError = true;
            audit.Detail = (result.PasswordChecked, result.Outcome) switch
            {
                (true, LoginOutcome.LockedOut) => "wrong password; account now locked",
                (true, _) => "wrong password",
                (false, LoginOutcome.LockedOut) => "locked out",
                _ => "wrong e-mail or password",
            };
            return Html.Page(context, antiforgery, "Log in", null, Pages.Login(context, antiforgery, email, LoginRefused, CoachAuth.IsSafeReturnUrl(returnUrl) ? returnUrl : null), StatusCodes.Status401Unauthorized);
        }

        await context.SignInAsync(CoachAuth.Scheme, CoachAuth.Principal(result.Account!), new AuthenticationProperties { IsPersistent = false }).ConfigureAwait(false);
        audit.Action = AuditActions.Login;
        audit.Coach = result.Account!.Email;
        return Results.Redirect(CoachAuth.IsSafeReturnUrl(returnUrl) ? returnUrl : "/coach");
    }

    private static async Task<IResult> LogoutAsync(HttpContext context)
    {
        if (OrganisationSignIn.IsOrganisationAccount(context.User))
        {
            context.AuditNote().Detail = "organisation account";
            return OrganisationSignIn.SignOut();
        }

        await context.SignOutAsync(CoachAuth.Scheme).ConfigureAwait(false);
        return Results.Redirect(CoachAuth.LoginPath);
    }
}
