using System.Net;
using System.Security.Claims;
using CoachBot.CoachReview.Actions;
using CoachBot.CoachReview.SignIn;
using CoachBot.CoachReview.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachBot.CoachReview.Tests;

/// <summary>
/// The organisation sign-in's settings, role check, coach principal and login page. The flow against a real
/// provider in a browser is in tests/CoachBot.CoachSignIn.Tests.
/// </summary>
public sealed class OrganisationSignInTests
{
    private static readonly (string, string?)[] Enabled =
    [
        ("Coaches:OpenIdConnect:Enabled", "true"),
        ("Coaches:OpenIdConnect:Authority", "https://login.example.org/tenant/v2.0"),
        ("Coaches:OpenIdConnect:ClientId", "client"),
        ("Coaches:OpenIdConnect:ClientSecret", "secret"),
        ("Coaches:OpenIdConnect:AllowedRoles:0", "CoachBot.Coach"),
    ];

    [Fact]
    public void Enabled_WithoutAuthorityClientIdSecretOrRole_NamesEachKey()
    {
        var failures = OrganisationSignInOptionsValidator.Check(new OrganisationSignInOptions { Enabled = true }, localAccounts: true);

        Assert.Equal(4, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Coaches:OpenIdConnect:Authority is required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Coaches:OpenIdConnect:ClientId is required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Coaches:OpenIdConnect:ClientSecret is required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Coaches:OpenIdConnect:AllowedRoles or Coaches:OpenIdConnect:AllowedGroups", StringComparison.Ordinal));
    }

    [Fact]
    public void AnHttpAuthority_IsRefused_UnlessHttpsMetadataIsOff()
    {
        var options = Valid();
        options.Authority = "http://localhost:5001";

        Assert.Contains(OrganisationSignInOptionsValidator.Check(options, true), f => f.StartsWith("Coaches:OpenIdConnect:Authority must be an absolute https URL", StringComparison.Ordinal));
        options.RequireHttpsMetadata = false;
        Assert.Empty(OrganisationSignInOptionsValidator.Check(options, true));
        options.Authority = "not a url";
        Assert.Single(OrganisationSignInOptionsValidator.Check(options, true));
    }

    [Fact]
    public void AGroupAlone_IsEnough_AndAValidSectionPasses()
    {
        var options = Valid();
        options.AllowedRoles.Clear();
        options.AllowedGroups.Add("0b7d6a52-7d0e-4f55-8a7c-2f1e9c3b4a10");

        Assert.Empty(OrganisationSignInOptionsValidator.Check(options, true));
        Assert.Empty(OrganisationSignInOptionsValidator.Check(Valid(), false));
    }

    [Fact]
    public void LocalAccountsOff_WithoutTheOrganisationSignIn_IsRefused()
    {
        var failures = OrganisationSignInOptionsValidator.Check(new OrganisationSignInOptions(), localAccounts: false);

        Assert.Equal("Coaches:LocalAccounts is false and Coaches:OpenIdConnect:Enabled is not true: no coach could sign in.", Assert.Single(failures));
        Assert.Empty(OrganisationSignInOptionsValidator.Check(new OrganisationSignInOptions(), localAccounts: true));
    }

    [Fact]
    public void TheHost_DoesNotStart_WithTheSignInOnAndNoSecret()
    {
        using var host = new CoachHost([.. Enabled.Where(s => s.Item1 != "Coaches:OpenIdConnect:ClientSecret")]);

        var error = Assert.ThrowsAny<Exception>(() => host.Services);

        Assert.Contains("Coaches:OpenIdConnect:ClientSecret is required", Flatten(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("roles", "CoachBot.Coach", true)]
    [InlineData("roles", "coachbot.coach", false)] // app role values are case-sensitive
    [InlineData("roles", "Reception", false)]
    [InlineData("groups", "0B7D6A52-7D0E-4F55-8A7C-2F1E9C3B4A10", true)] // group ids are GUIDs: any case
    [InlineData("groups", "5c4b3a29-1807-4f6e-9d5c-4b3a29180716", false)]
    [InlineData("wids", "CoachBot.Coach", false)] // the value in another claim does not count
    public void IsCoach_NeedsAnAllowedRoleOrGroup(string claim, string value, bool coach)
    {
        var options = Valid();
        options.AllowedGroups.Add("0b7d6a52-7d0e-4f55-8a7c-2f1e9c3b4a10");
        var token = Token(("sub", "s-1"), (claim, value));

        Assert.Equal(coach, OrganisationSignIn.IsCoach(token, options));
    }

    [Fact]
    public void IsCoach_ReadsTheClaimsNamedInSettings()
    {
        var options = Valid();
        options.RoleClaim = "app_roles";

        Assert.True(OrganisationSignIn.IsCoach(Token(("app_roles", "CoachBot.Coach")), options));
        Assert.False(OrganisationSignIn.IsCoach(Token(("roles", "CoachBot.Coach")), options));
    }

    [Fact]
    public void CoachPrincipal_UsesTheObjectId_ThenSub_AndTheName()
    {
        var entra = OrganisationSignIn.CoachPrincipal(Token(("sub", "pairwise-sub"), ("oid", "6f1c1b9e"), ("name", "Jo Coach"), ("preferred_username", "jo@clinic.example"), ("roles", "CoachBot.Coach")));
        var other = OrganisationSignIn.CoachPrincipal(Token(("sub", "user-7")));

        Assert.Equal(new CoachIdentity("oidc:6f1c1b9e", "Jo Coach"), CoachIdentity.From(entra));
        Assert.Equal("jo@clinic.example", entra.Identity!.Name);
        Assert.True(entra.Identity.IsAuthenticated);
        Assert.True(OrganisationSignIn.IsOrganisationAccount(entra));
        Assert.Empty(entra.FindAll("roles")); // the cookie keeps only what the coach pages use
        Assert.Equal(new CoachIdentity("oidc:user-7", null), CoachIdentity.From(other));
        Assert.False(OrganisationSignIn.IsOrganisationAccount(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "sam@example.org")], "CoachCookie"))));
    }

    [Theory]
    [InlineData(true, true, true, "Keep")]
    [InlineData(true, false, true, "End")] // the sign-in was switched off
    [InlineData(false, true, true, "CheckLocalAccount")]
    [InlineData(false, true, false, "End")] // local accounts were switched off
    public void SessionCheck_EndsSessionsWhoseWayOfSigningInIsOff(bool organisation, bool oidcEnabled, bool localAccounts, string expected)
    {
        var services = new ServiceCollection()
            .Configure<OrganisationSignInOptions>(o => o.Enabled = oidcEnabled)
            .Configure<CoachReviewOptions>(o => o.LocalAccounts = localAccounts)
            .BuildServiceProvider();
        var user = organisation
            ? OrganisationSignIn.CoachPrincipal(Token(("oid", "o-1")))
            : new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "sam@example.org")], "CoachCookie"));

        Assert.Equal(expected, OrganisationSignIn.CheckSession(user, services).ToString());
    }

    [Fact]
    public async Task LoginPage_OffersTheOrganisationSignIn_KeepingWhereToGo()
    {
        using var host = new CoachHost(Enabled);
        using var client = host.NewClient();

        var html = await client.GetStringAsync(new Uri("/coach/login?returnUrl=%2Fcoach%2Faudit", UriKind.Relative));

        Assert.Contains("<a class=\"button\" href=\"/coach/sign-in/organisation?returnUrl=%2Fcoach%2Faudit\">Sign in with your organisation account</a>", html, StringComparison.Ordinal);
        Assert.Contains("type=\"password\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginPage_WithoutTheSignIn_HasNoOrganisationLink_AndItsRoutesAreNotMapped()
    {
        using var host = new CoachHost();
        using var client = host.NewClient();

        var html = await client.GetStringAsync(new Uri("/coach/login", UriKind.Relative));
        using var start = await client.GetAsync(new Uri("/coach/sign-in/organisation", UriKind.Relative));

        Assert.DoesNotContain("organisation account", html, StringComparison.Ordinal);
        Assert.Contains("type=\"password\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
    }

    [Fact]
    public async Task LocalAccountsOff_LoginPageHasNoPasswordForm_AndPasswordLoginsAreRefused()
    {
        using var host = new CoachHost([.. Enabled, ("Coaches:LocalAccounts", "false")]);
        await host.AddCoachAsync();
        using var client = host.NewClient();

        var html = await client.GetStringAsync(new Uri("/coach/login", UriKind.Relative));
        using var login = await client.PostAsync(new Uri("/coach/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "sam@example.org",
            ["password"] = CoachHost.Password,
        }));

        Assert.Contains("Sign in with your organisation account", html, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"password\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, login.StatusCode);
        Assert.False(login.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("CoachBot.Coach=", StringComparison.Ordinal)));
    }

    private static OrganisationSignInOptions Valid() => new()
    {
        Enabled = true,
        Authority = "https://login.example.org/tenant/v2.0",
        ClientId = "client",
        ClientSecret = "secret",
        AllowedRoles = ["CoachBot.Coach"],
    };

    private static ClaimsPrincipal Token(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "token"));

    private static string Flatten(Exception error) => error is AggregateException many
        ? string.Join("\n", many.InnerExceptions.Select(Flatten))
        : error.Message + (error.InnerException is null ? string.Empty : "\n" + Flatten(error.InnerException));
}
