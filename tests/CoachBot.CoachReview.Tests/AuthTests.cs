using System.Net;
using CoachBot.CoachReview.Audit;
using CoachBot.CoachReview.Tests.Support;
using CoachBot.CoachReview.Web;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.CoachReview.Tests;

public sealed class AuthTests : IDisposable
{
    private readonly CoachHost _host = new();

    public static TheoryData<string, string> Routes()
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, path) in CoachReviewEndpoints.ProtectedRoutes)
        {
            data.Add(method, path);
        }

        return data;
    }

    public void Dispose() => _host.Dispose();

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task WithoutLogin_PagesRedirectToLogin_ApisAnswer401(string method, string path)
    {
        using var client = _host.NewClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "hello" });
        }

        using var response = await client.SendAsync(request);

        if (path.StartsWith("/coach/api/", StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/coach/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryMappedCoachRoute_IsInTheProtectedList_OrIsTheLoginPage()
    {
        var sources = _host.Services.GetServices<Microsoft.AspNetCore.Routing.EndpointDataSource>();
        var coachRoutes = sources.SelectMany(s => s.Endpoints).OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/coach", StringComparison.Ordinal))
            .Select(e => (Method: e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Single() ?? "ANY", Pattern: e.RoutePattern.RawText!))
            .ToList();
        var listed = CoachReviewEndpoints.ProtectedRoutes
            .Select(r => (r.Method, Pattern: r.Path.Replace("p-1", "{patientId}", StringComparison.Ordinal).Replace("e-1", "{escalationId}", StringComparison.Ordinal)))
            .ToHashSet();

        Assert.NotEmpty(coachRoutes);
        foreach (var route in coachRoutes.Where(r => r.Pattern.TrimEnd('/') != "/coach/login"))
        {
            Assert.Contains((route.Method, route.Pattern.TrimEnd('/')), listed);
        }
    }

    [Fact]
    public async Task Login_SetsAStrictHttpOnlyCookie_AndOpensTheQueue()
    {
        await _host.AddCoachAsync();
        using var client = _host.NewClient();

        using var login = await CoachHost.LoginAsync(client, "sam@example.org", CoachHost.Password);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/coach", login.Headers.Location!.OriginalString);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(CoachAuth.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/coach", cookie, StringComparison.OrdinalIgnoreCase);
        using var queue = await client.GetAsync(new Uri("/coach", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Contains("Escalation queue", await queue.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_OverHttps_MarksTheCookieSecure()
    {
        await _host.AddCoachAsync();
        using var client = _host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        using var login = await CoachHost.LoginAsync(client, "sam@example.org", CoachHost.Password);

        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(CoachAuth.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Login_WithoutTheAntiforgeryToken_Is400_AndLogsNobodyIn()
    {
        await _host.AddCoachAsync();
        using var client = _host.NewClient();

        using var response = await client.PostAsync(new Uri("/coach/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "sam@example.org",
            ["password"] = CoachHost.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(CoachAuth.CookieName + "=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ActionPost_WithoutTheAntiforgeryToken_Is400_AndChangesNothing()
    {
        await _host.AddPatientAsync();
        using var client = await _host.LoggedInClientAsync();

        using var response = await client.PostAsync(new Uri("/coach/patients/webchat-p1/override", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["decision"] = "pause",
            ["reason"] = "forged",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null((await _host.Get<CoachBot.Storage.Records.IPatientRepository>().GetAsync("webchat-p1"))!.NextDecisionOverride);
    }

    [Fact]
    public async Task WrongPassword_Is401_AndFiveFailuresLockTheAccountFor15Minutes()
    {
        await _host.AddCoachAsync();
        using var client = _host.NewClient();
        for (var i = 0; i < 4; i++)
        {
            using var wrong = await CoachHost.LoginAsync(client, "sam@example.org", "not the password");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Contains("The e-mail or password is wrong.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var fifth = await CoachHost.LoginAsync(client, "sam@example.org", "not the password");
        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        using var locked = await CoachHost.LoginAsync(client, "sam@example.org", CoachHost.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);

        _host.Time.Advance(TimeSpan.FromMinutes(15));
        using var ok = await CoachHost.LoginAsync(client, "sam@example.org", CoachHost.Password);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var audit = await _host.Get<AuditLog>().ReadDayAsync(new DateOnly(2025, 1, 6));
        Assert.Equal(6, audit.Count(a => a.Action == AuditActions.LoginFailed && a.Coach == "sam@example.org"));
        Assert.Single(audit, a => a.Action == AuditActions.Login);
    }

    [Theory]
    [InlineData("/coach/patients/webchat-p1", "/coach/patients/webchat-p1")]
    [InlineData("https://evil.example/coach", "/coach")]
    [InlineData("//evil.example/coach", "/coach")]
    [InlineData("/coach//evil.example", "/coach")]
    public async Task Login_GoesBackOnlyToLocalCoachPages(string returnUrl, string expected)
    {
        await _host.AddCoachAsync();
        using var client = _host.NewClient();

        using var login = await CoachHost.LoginAsync(client, "sam@example.org", CoachHost.Password, returnUrl);

        Assert.Equal(expected, login.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        using var client = await _host.LoggedInClientAsync();

        using var logout = await CoachHost.PostFormAsync(client, "/coach", "/coach/logout");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        using var after = await client.GetAsync(new Uri("/coach/api/queue", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Login_ThenApi_Answers200()
    {
        using var client = await _host.LoggedInClientAsync();

        using var response = await client.GetAsync(new Uri("/coach/api/queue", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[]", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CoachPages_SendNoScriptCsp_AndNoCache()
    {
        using var client = await _host.LoggedInClientAsync();

        using var response = await client.GetAsync(new Uri("/coach", UriKind.Relative));

        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task KeyRing_IsNotWarmedAtStartUp_AndLoginStillWorks()
    {
        // Data protection would otherwise load its XML key store and the crypto stack into every bot at start-up.
        var hosted = _host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>();
        Assert.DoesNotContain(hosted, s => s.GetType().FullName == CoachReviewServiceCollectionExtensions.DataProtectionWarmUp);

        await _host.AddCoachAsync();
        using var client = _host.NewClient();
        using var login = await CoachHost.LoginAsync(client, "sam@example.org", CoachHost.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(CoachAuth.CookieName + "=", StringComparison.Ordinal));
        using var queue = await client.GetAsync(new Uri("/coach", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
    }
}
