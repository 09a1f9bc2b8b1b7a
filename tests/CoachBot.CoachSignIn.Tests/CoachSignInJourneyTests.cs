using System.Text.RegularExpressions;
using CoachBot.Testing;
using Microsoft.Playwright;

namespace CoachBot.CoachSignIn.Tests;

/// <summary>
/// Coach sign-in with an organisation account, end to end: the real host on Kestrel, a real OpenID Connect provider
/// (oidc-provider) on the loopback address under another site name, Debian's headless Chromium. An account without
/// the coach role is refused, the coach reaches the queue, signs out of CoachBot and of the provider, and the audit
/// log has each step.
/// </summary>
public sealed class CoachSignInJourneyTests
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const float StepTimeout = 30_000;

    [Fact]
    public async Task RefusesAnAccountWithoutTheRole_SignsTheCoachIn_SignsOutAtTheProvider_AuditsEachStep()
    {
        Assert.True(File.Exists(ChromiumPath), "Chromium is missing: run scripts/deps/chromium.sh");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var providerPort = OpenIdProviderProcess.FreePort();
        await using var host = await HostProcess.StartAsync(Settings(providerPort), cancel.Token);
        await using var provider = await OpenIdProviderProcess.StartAsync(providerPort, host.BaseUrl, cancel.Token);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 }, TimezoneId = "Europe/London" });
        var page = await context.NewPageAsync();
        var statuses = new List<(string Url, int Status)>();
        page.Response += (_, response) =>
        {
            lock (statuses)
            {
                statuses.Add((response.Url, response.Status));
            }
        };
        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);

        try
        {
            // An account without the coach role signs in at the provider and is refused with a clear page.
            await page.GotoAsync(host.BaseUrl + "/coach");
            Assert.StartsWith(host.BaseUrl + "/coach/login", page.Url, StringComparison.Ordinal);
            await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with your organisation account" }).ClickAsync();
            await SignInAtProviderAsync(page, provider, OpenIdProviderProcess.Visitor);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not a coach account" })).ToBeVisibleAsync(new() { Timeout = StepTimeout });
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Sam Visitor (sam@clinic.example)");
            Assert.Contains(Snapshot(statuses), s => s.Url.StartsWith(host.BaseUrl + "/coach/signin-oidc", StringComparison.Ordinal) && s.Status == 403);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "coach-sign-in-refused.png") });
            await AssertSignedOutAsync(context, host);

            // "Sign in with a different account" asks the provider for its login again; the coach reaches the queue.
            await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with a different account" }).ClickAsync();
            await SignInAtProviderAsync(page, provider, OpenIdProviderProcess.Coach);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Escalation queue" })).ToBeVisibleAsync(new() { Timeout = StepTimeout });
            Assert.Equal(host.BaseUrl + "/coach", page.Url);
            await Assertions.Expect(page.Locator("header")).ToContainTextAsync("Jo Coach");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "coach-sign-in-queue.png") });

            // Sign-out ends the coach session and the provider's (its end-session endpoint, after its confirmation).
            await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Yes, sign me out" }).ClickAsync(new() { Timeout = StepTimeout });
            await page.WaitForURLAsync(host.BaseUrl + "/coach/login", new() { Timeout = StepTimeout });
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in with your organisation account" })).ToBeVisibleAsync();
            Assert.Contains("\"event\":\"end_session.success\",\"account\":\"jo\"", provider.Output, StringComparison.Ordinal);
            await AssertSignedOutAsync(context, host);

            // Signing in again needs the password again (the provider's session ended too); then the audit log.
            await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with your organisation account" }).ClickAsync();
            await SignInAtProviderAsync(page, provider, OpenIdProviderProcess.Coach);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Escalation queue" })).ToBeVisibleAsync(new() { Timeout = StepTimeout });
            await page.GotoAsync(host.BaseUrl + "/coach/audit");
            var rows = await page.Locator("table.audit tbody tr").AllInnerTextsAsync();
            var coachId = "oidc:" + OpenIdProviderProcess.Coach.Oid;
            var visitorId = "oidc:" + OpenIdProviderProcess.Visitor.Oid;
            Assert.Contains(rows, r => r.Contains(visitorId, StringComparison.Ordinal) && r.Contains("login-refused", StringComparison.Ordinal) && r.Contains("Sam Visitor (sam@clinic.example): no allowed role or group", StringComparison.Ordinal));
            Assert.Equal(2, rows.Count(r => r.Contains(coachId, StringComparison.Ordinal) && Regex.IsMatch(r, @"\tlogin\t") && r.Contains("organisation account: Jo Coach (jo@clinic.example)", StringComparison.Ordinal)));
            Assert.Contains(rows, r => r.Contains(coachId, StringComparison.Ordinal) && Regex.IsMatch(r, @"\tlogout\t") && r.Contains("organisation account", StringComparison.Ordinal));
            Assert.DoesNotContain(rows, r => r.Contains(visitorId, StringComparison.Ordinal) && Regex.IsMatch(r, @"\tlogin\t"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "coach-sign-in-audit.png") });

            // Every code the provider gave out was redeemed with a PKCE verifier (S256); the provider requires one anyway.
            var redeemed = Regex.Matches(provider.Output, "\"event\":\"authorization_code.consumed\",\"account\":\"(\\w+)\",\"pkce\":\"S256\"").Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(["sam", "jo", "jo"], redeemed);
            Assert.DoesNotContain("\"event\":\"server_error\"", provider.Output, StringComparison.Ordinal);
        }
        catch (Exception error)
        {
            // What the browser, the provider and the host saw, for a failure in CI.
            throw new InvalidOperationException(
                $"{error.Message}\nPage: {page.Url}\nResponses:\n{string.Join("\n", Snapshot(statuses))}\nProvider:\n{provider.Output}\nHost:\n{host.Output}", error);
        }
    }

    [Fact]
    public async Task HostRefusesToStart_WhenTheSignInIsOnWithoutItsSecret_NamingTheKey()
    {
        var settings = Settings(OpenIdProviderProcess.FreePort());
        settings.Remove("Coaches:OpenIdConnect:ClientSecret");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.StartAsync(settings, cancel.Token));

        Assert.Contains("exited with code 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Coaches:OpenIdConnect:ClientSecret is required", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Settings(int providerPort) => new()
    {
        ["Coaches:OpenIdConnect:Enabled"] = "true",
        ["Coaches:OpenIdConnect:Authority"] = "http://localhost:" + providerPort,
        ["Coaches:OpenIdConnect:ClientId"] = OpenIdProviderProcess.ClientId,
        ["Coaches:OpenIdConnect:ClientSecret"] = OpenIdProviderProcess.ClientSecret,
        ["Coaches:OpenIdConnect:AllowedRoles:0"] = OpenIdProviderProcess.CoachRole,
        ["Coaches:OpenIdConnect:RequireHttpsMetadata"] = "false",
        ["Coaches:SecureCookies"] = "false", // the test host and provider speak plain http on loopback
    };

    /// <summary>The browser's cookies open no coach page: /coach redirects to the login page.</summary>
    private static async Task AssertSignedOutAsync(IBrowserContext context, HostProcess host)
    {
        var response = await context.APIRequest.GetAsync(host.BaseUrl + "/coach", new() { MaxRedirects = 0 });
        Assert.Equal(302, response.Status);
        Assert.Equal("/coach/login", new Uri(new Uri(host.BaseUrl), response.Headers["location"]).AbsolutePath);
    }

    private static async Task SignInAtProviderAsync(IPage page, OpenIdProviderProcess provider, (string UserName, string Password, string Name, string Oid) account)
    {
        await page.WaitForURLAsync(new Regex("^" + Regex.Escape(provider.Issuer) + "/interaction/"), new() { Timeout = StepTimeout });
        await page.GetByLabel("Username").FillAsync(account.UserName);
        await page.GetByLabel("Password").FillAsync(account.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    private static List<(string Url, int Status)> Snapshot(List<(string Url, int Status)> statuses)
    {
        lock (statuses)
        {
            return [.. statuses];
        }
    }
}
