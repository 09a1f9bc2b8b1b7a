using System.Net;
using CoachBot.CoachReview.Audit;
using CoachBot.CoachReview.Tests.Support;
using CoachBot.CoachReview.Web;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.CoachReview.Tests;

public sealed partial class AuthTests : IDisposable
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
        using var client = _host.NewClient();

        using var login = await CoachHost.LoginAsync(client, "sam@example.org", CoachHost.Password);

        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(CoachAuth.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OutsideDevelopment_CoachPagesOverPlainHttp_AreRefused_AndSetNoCookie()
    {
        using var client = _host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });

        using var page = await client.GetAsync(new Uri("/coach/login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("Coach pages need HTTPS", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(page.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task OutsideDevelopment_TheAntiforgeryCookieIsSecure()
    {
        using var client = _host.NewClient();

        using var page = await client.GetAsync(new Uri("/coach/login", UriKind.Relative));

        var cookie = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("CoachBot.Coach.Antiforgery=", StringComparison.Ordinal));
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
        Assert.Null((await _host.Get<CoachBot.Records.IPatientRepository>().GetAsync("webchat-p1"))!.NextDecisionOverride);
    }

    [Fact]
    public async Task WrongPassword_Is401_AndFiveFailuresLockTheAccountFor15Minutes()
    {
        await _host.AddCoachAsync();
        using var client = _host.NewClient();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await CoachHost.LoginAsync(client, "sam@example.org", "not the password");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Contains(WebUtility.HtmlEncode(CoachReviewEndpoints.LoginRefused), await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var locked = await CoachHost.LoginAsync(client, "sam@example.org", CoachHost.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);

        _host.Time.Advance(TimeSpan.FromMinutes(15));
        using var ok = await CoachHost.LoginAsync(client, "sam@example.org", CoachHost.Password);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var audit = await _host.Get<AuditLog>().ReadDayAsync(new DateOnly(2025, 1, 6));
        Assert.Equal(6, audit.Count(a => a.Action == AuditActions.LoginFailed && a.Coach == "sam@example.org"));
        Assert.Single(audit, a => a.Action == AuditActions.Login);
    }

    [Fact]
    public async Task ParallelWrongPasswords_AreCheckedAtMostMaxFailedLoginsTimes()
    {
        await _host.AddCoachAsync();
        const int Attempts = 24;
        var clients = Enumerable.Range(0, Attempts).Select(_ => _host.NewClient()).ToList();
        var forms = await Task.WhenAll(clients.Select(CoachHost.LoginFormAsync));

        var answers = await Task.WhenAll(clients.Select((c, i) => Task.Run(() => CoachHost.PostLoginAsync(c, forms[i], "sam@example.org", "guess number " + i))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        var failures = (await _host.Get<AuditLog>().ReadDayAsync(new DateOnly(2025, 1, 6))).Where(a => a.Action == AuditActions.LoginFailed).ToList();
        Assert.Equal(Attempts, failures.Count);
        Assert.Equal(5, failures.Count(a => a.Detail!.StartsWith("wrong password", StringComparison.Ordinal)));
        Assert.Equal(Attempts - 5, failures.Count(a => a.Detail == "locked out"));
        using var right = await CoachHost.LoginAsync(_host.NewClient(), "sam@example.org", CoachHost.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }

        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task UnknownEmail_WrongPassword_AndLockedAccount_GetTheSameAnswer()
    {
        await _host.AddCoachAsync();
        await _host.AddCoachAsync("kim@example.org", "Kim");
        using var client = _host.NewClient();
        for (var i = 0; i < 5; i++)
        {
            (await CoachHost.LoginAsync(client, "kim@example.org", "not the password")).Dispose();
        }

        using var unknown = await CoachHost.LoginAsync(client, "nobody@example.org", "not the password");
        using var wrong = await CoachHost.LoginAsync(client, "sam@example.org", "not the password");
        using var locked = await CoachHost.LoginAsync(client, "kim@example.org", CoachHost.Password);
        using var tooLong = await CoachHost.LoginAsync(client, "sam@example.org", new string('x', 10_000));

        var bodies = new List<string>();
        foreach (var response in new[] { unknown, wrong, locked, tooLong })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            bodies.Add(TicketValue().Replace(TokenValue().Replace(body, string.Empty), string.Empty).Replace("nobody@example.org", "EMAIL", StringComparison.Ordinal)
                .Replace("sam@example.org", "EMAIL", StringComparison.Ordinal).Replace("kim@example.org", "EMAIL", StringComparison.Ordinal));
        }

        Assert.Single(bodies.Distinct(StringComparer.Ordinal));
    }

    [Fact]
    public async Task LoginForm_IsAcceptedOnce_AndNotAfterItsLifetime()
    {
        await _host.AddCoachAsync();
        using var client = _host.NewClient();
        var form = await CoachHost.LoginFormAsync(client);
        using var first = await CoachHost.PostLoginAsync(client, form, "sam@example.org", "not the password");
        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);

        using var replay = await CoachHost.PostLoginAsync(client, form, "sam@example.org", "another guess");
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);

        var old = await CoachHost.LoginFormAsync(client);
        _host.Time.Advance(TimeSpan.FromMinutes(11));
        using var expired = await CoachHost.PostLoginAsync(client, old, "sam@example.org", CoachHost.Password);
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.False(expired.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(CoachAuth.CookieName + "=", StringComparison.Ordinal)));

        var audit = await _host.Get<AuditLog>().ReadDayAsync(new DateOnly(2025, 1, 6));
        Assert.Single(audit, a => a.Action == AuditActions.LoginFailed);
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

    [System.Text.RegularExpressions.GeneratedRegex("value=\"CfDJ8[^\"]*\"")]
    private static partial System.Text.RegularExpressions.Regex TokenValue();

    [System.Text.RegularExpressions.GeneratedRegex("name=\"loginForm\" value=\"[^\"]*\"")]
    private static partial System.Text.RegularExpressions.Regex TicketValue();
}
