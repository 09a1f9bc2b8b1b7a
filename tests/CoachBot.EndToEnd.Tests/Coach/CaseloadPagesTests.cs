extern alias cli;

using System.Globalization;
using System.Text.RegularExpressions;
using CoachBot.Coaching.Policy;
using CoachBot.Testing;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using CliApp = cli::CoachBot.Cli.CliApp;

namespace CoachBot.EndToEnd.Tests.Coach;

/// <summary>
/// The caseload, overview and inbox pages in headless Chromium against the real host on SQLite, with the 200 patients
/// of <see cref="CaseloadSeed"/>: every filter returns exactly its patients, the charts carry the seeded numbers, a new
/// escalation shows in an open queue page within 2 seconds without a reload, views and actions are in the audit log,
/// and axe finds no WCAG 2.1 A/AA violation.
/// </summary>
public sealed partial class CaseloadPagesTests : IDisposable
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const float StepTimeout = 30_000;
    private const string CoachEmail = "kim@example.org";
    private const string CoachPassword = "a long coach password 42";

    private readonly string _folder = Directory.CreateTempSubdirectory("coachbot-caseload-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task CaseloadOverviewInboxAndLiveQueue_With200SeededPatients()
    {
        Assert.True(File.Exists(ChromiumPath), "Chromium is missing: run scripts/deps/chromium.sh");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var database = Path.Combine(_folder, "coachbot.db");
        await AddCoachAsync(database);
        await using var seed = new CaseloadSeed(database, CoachEmail, TimeProvider.System.GetUtcNow());
        await seed.WriteAsync();
        await using var host = await HostProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["Storage__Provider"] = "Sqlite",
                ["Storage__Sqlite__Path"] = database,
                ["Coaches__SecureCookies"] = "false",
                ["Coaches__TimeZone"] = "Etc/UTC",
            },
            cancel.Token);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, TimezoneId = "UTC" });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await LogInAsync(page, host.BaseUrl);

        // "My patients" is the default view; each filter returns exactly its group among patients 0-99.
        await page.GotoAsync(host.BaseUrl + "/coach/patients");
        Assert.Equal(100, await TotalAsync(page));
        Assert.Equal(CaseloadSeed.Group(0, mineOnly: true), (await IdsAsync(page)).Take(10).Order(StringComparer.Ordinal));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "caseload.png"), FullPage = false });
        await ExpectNoAxeViolationsAsync(page);
        var expected = new Dictionary<string, IReadOnlyList<string>>
        {
            ["quiet"] = CaseloadSeed.Group(4, true),
            ["onhold"] = CaseloadSeed.Group(2, true),
            ["paused"] = CaseloadSeed.Group(1, true),
            ["unreachable"] = CaseloadSeed.Group(3, true),
            ["attention"] = [.. new[] { 0, 2, 3, 4, 6 }.SelectMany(g => CaseloadSeed.Group(g, true)).Order(StringComparer.Ordinal)],
        };
        foreach (var (filter, ids) in expected)
        {
            await page.GotoAsync(host.BaseUrl + "/coach/patients?filter=" + filter);
            Assert.Equal(ids.Count, await TotalAsync(page));
            Assert.Equal(ids, (await IdsAsync(page)).Order(StringComparer.Ordinal));
        }

        await page.GotoAsync(host.BaseUrl + "/coach/patients?scope=all&filter=attention");
        Assert.Equal(100, await TotalAsync(page));
        await page.GotoAsync(host.BaseUrl + "/coach/patients?scope=all&filter=quiet&quiet=11");
        Assert.Equal(0, await TotalAsync(page));
        await page.GotoAsync(host.BaseUrl + "/coach/patients?scope=all");
        await page.GetByLabel("Name").FillAsync("patient 107");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        Assert.Equal(["p-107"], await IdsAsync(page));

        // The sparkline and the row carry the check-in numbers.
        var well = page.Locator("tr[data-patient='p-107']");
        await Assertions.Expect(well.Locator("svg.spark")).ToHaveAttributeAsync("data-pains", "5,4,3");
        await Assertions.Expect(well.Locator("td[data-sessions]")).ToHaveAttributeAsync("data-sessions", "2");

        // Reassigning a patient nobody had makes them mine, and is audited.
        await page.GotoAsync(host.BaseUrl + "/coach/patients?scope=unassigned&q=Patient%20150");
        await page.GetByLabel("Responsible coach for Patient 150").FillAsync(CoachEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The responsible coach was changed.")).ToBeVisibleAsync(new() { Timeout = StepTimeout });
        await page.GotoAsync(host.BaseUrl + "/coach/patients");
        Assert.Equal(101, await TotalAsync(page));

        // The overview's charts carry the seeded numbers.
        await page.GotoAsync(host.BaseUrl + "/coach/overview");
        var pain = page.Locator("svg#pain-start-now");
        await Assertions.Expect(pain).ToHaveAttributeAsync("data-start-mean", "6.0");
        await Assertions.Expect(pain).ToHaveAttributeAsync("data-now-mean", "4.5");
        await Assertions.Expect(pain).ToHaveAttributeAsync("data-better", "100");
        await Assertions.Expect(pain).ToHaveAttributeAsync("data-worse", "0");
        var thisWeek = page.Locator("svg#adherence rect.bar").Last;
        await Assertions.Expect(thisWeek).ToHaveAttributeAsync("data-adherent", "100");
        await Assertions.Expect(thisWeek).ToHaveAttributeAsync("data-patients", "200");
        Assert.Equal(520, await SumAsync(page, "svg#decisions rect[data-decision='progress']"));
        Assert.Equal(60, await SumAsync(page, "svg#decisions rect[data-decision='hold']"));
        Assert.Equal(20, await SumAsync(page, "svg#decisions rect[data-decision='pause']"));
        var urgent = page.Locator("svg#escalation-levels rect[data-level='urgent']");
        await Assertions.Expect(urgent).ToHaveAttributeAsync("data-raised", "20");
        await Assertions.Expect(urgent).ToHaveAttributeAsync("data-open", "20");
        var routine = page.Locator("svg#escalation-levels rect[data-level='routine']");
        await Assertions.Expect(routine).ToHaveAttributeAsync("data-within-target", "20");
        await Assertions.Expect(routine).ToHaveAttributeAsync("data-median-minutes", "30");
        await Assertions.Expect(routine.Locator("title")).ToContainTextAsync("20 answered within the target");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "overview.png"), FullPage = true });
        await ExpectNoAxeViolationsAsync(page);

        // The inbox lists the 20 open notes; marking one done leaves 19.
        await page.GotoAsync(host.BaseUrl + "/coach/inbox");
        Assert.Equal("20", await page.Locator("#inbox-total").GetAttributeAsync("data-total"));
        await ExpectNoAxeViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark done: Patient 006" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Marked done.")).ToBeVisibleAsync(new() { Timeout = StepTimeout });
        Assert.Equal("19", await page.Locator("#inbox-total").GetAttributeAsync("data-total"));

        // A new escalation appears in the open queue page within 2 seconds, without a reload.
        await page.GotoAsync(host.BaseUrl + "/coach");
        await Assertions.Expect(page.Locator("#live-queue")).ToHaveTextAsync(new Regex(@"^\(\d+\)$"), new() { Timeout = StepTimeout });
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        var raised = await seed.RaiseAsync(150, Escalation.Emergency, "RF-1", "I cannot feel my legs", TimeProvider.System.GetUtcNow());
        await Assertions.Expect(page.Locator($"tr[data-escalation='{raised.Id}']")).ToBeVisibleAsync(new() { Timeout = 2_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await Assertions.Expect(page.Locator("#live-queue")).ToHaveTextAsync("(40)", new() { Timeout = 2_000 }); // 20 urgent, 19 notes, the new emergency
        await page.GotoAsync(host.BaseUrl + "/coach/patients/p-150");

        // Every view and action above is in the audit log.
        await page.GotoAsync(host.BaseUrl + "/coach/audit");
        var audit = await page.Locator("main").InnerTextAsync();
        foreach (var action in new[] { "view-caseload", "reassign", "view-overview", "view-inbox", "inbox-done", "view-queue", "view-patient" })
        {
            Assert.Contains(action, audit, StringComparison.Ordinal);
        }

        Assert.Contains("from nobody to " + CoachEmail, audit, StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    private static async Task<int> TotalAsync(IPage page) =>
        int.Parse(await page.Locator("#caseload-total").GetAttributeAsync("data-total") ?? "-1", CultureInfo.InvariantCulture);

    private static async Task<IReadOnlyList<string>> IdsAsync(IPage page) =>
        [.. (await page.Locator("tr.patient").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.patient)"))];

    private static async Task<int> SumAsync(IPage page, string selector) =>
        (await page.Locator(selector).EvaluateAllAsync<int[]>("bars => bars.map(b => Number(b.dataset.count))")).Sum();

    private static async Task ExpectNoAxeViolationsAsync(IPage page)
    {
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.True(results.Violations.Length == 0, page.Url + ": " + string.Join("; ", results.Violations.Select(v => v.Id + " " + v.Help + " at " + string.Join(", ", v.Nodes.Select(n => n.Html)))));
    }

    private static async Task LogInAsync(IPage page, string baseUrl)
    {
        await page.GotoAsync(baseUrl + "/coach/login");
        await page.GetByLabel("E-mail").FillAsync(CoachEmail);
        await page.GetByLabel("Password").FillAsync(CoachPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Escalation queue" })).ToBeVisibleAsync(new() { Timeout = StepTimeout });
    }

    private static async Task AddCoachAsync(string database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:Sqlite:Path"] = database,
        }).Build();
        using var stdin = new StringReader(CoachPassword + "\n");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["coach", "add", CoachEmail, "--name", "Kim"], stdin, stdout, stderr, configuration);
        Assert.True(code == 0, "coach add failed: " + stderr);
    }
}
