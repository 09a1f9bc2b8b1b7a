extern alias cli;

using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using CoachBot.EndToEnd.Tests.Accessibility;
using CliApp = cli::CoachBot.Cli.CliApp;
using CoachBot.Testing;

namespace CoachBot.EndToEnd.Tests.Coach;

/// <summary>
/// A red flag from the patient's Web Chat reaches a coach: the coach account is made by the <c>coach add</c> command,
/// the coach logs in at /coach in a second browser context, sees the emergency at the top of the queue, replies (the
/// patient sees it in Web Chat) and resolves it. Real host on Kestrel with SQLite, Debian's headless Chromium.
/// </summary>
public sealed class CoachReviewJourneyTests : IDisposable
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const float StepTimeout = 30_000;
    private const string CoachEmail = "jo@example.org";
    private const string CoachPassword = "a long coach password 42";

    private readonly string _folder = Directory.CreateTempSubdirectory("coachbot-e2e-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RedFlagInWebChat_CoachSeesItFirst_Replies_PatientSeesTheReply_CoachResolves()
    {
        Assert.True(File.Exists(ChromiumPath), "Chromium is missing: run scripts/deps/chromium.sh");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var database = Path.Combine(_folder, "coachbot.db");
        await AddCoachAsync(database);
        await using var host = await HostProcess.StartAsync(
            new Dictionary<string, string> { ["Storage__Provider"] = "Sqlite", ["Storage__Sqlite__Path"] = database, ["Coaches__SecureCookies"] = "false" },
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

        // The patient starts in Web Chat and, after giving a name, reports a red flag while the health card is on screen.
        await using var patientContext = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 900, Height = 1000 }, TimezoneId = "Europe/London" });
        var patient = await patientContext.NewPageAsync();
        var patientErrors = new List<string>();
        patient.PageError += (_, error) => patientErrors.Add(error);
        await patient.GotoAsync(host.BaseUrl + "/");
        await ClickCardButtonAsync(patient, "is it OK for me to keep your answers?", "Yes, that's OK");
        var about = patient.Locator(".ac-adaptiveCard", new() { HasText = "About you" }).Last;
        await about.GetByLabel("What would you like me to call you?").FillAsync("Alex", new() { Timeout = StepTimeout });
        await about.GetByLabel("How old are you?").FillAsync("52");
        await about.GetByLabel("On a normal day, how bad is your back pain?").FillAsync("5");
        await ClickCardButtonAsync(patient, "About you", "Next");
        await TypeAsync(patient, "Your health", "Since this morning I have lost control of my bladder");
        await ExpectBotAsync(patient, "This needs a doctor now.");

        // The coach logs in (a login redirect first) and sees the emergency at the top of the queue.
        await using var coachContext = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 }, TimezoneId = "Europe/London" });
        var coach = await coachContext.NewPageAsync();
        await coach.GotoAsync(host.BaseUrl + "/coach");
        Assert.StartsWith(host.BaseUrl + "/coach/login", coach.Url, StringComparison.Ordinal);
        await Axe.AssertNoViolationsAsync(coach, "the coach login page");
        await coach.GetByLabel("E-mail").FillAsync(CoachEmail);
        await coach.GetByLabel("Password").FillAsync(CoachPassword);
        await coach.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(coach.GetByRole(AriaRole.Heading, new() { Name = "Escalation queue" })).ToBeVisibleAsync(new() { Timeout = StepTimeout });
        var top = coach.Locator("tr.escalation").First;
        await Assertions.Expect(top).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("row-emergency"));
        await Assertions.Expect(top).ToContainTextAsync("RF-1");
        await Assertions.Expect(top).ToContainTextAsync("lost control of my bladder");
        await Assertions.Expect(top).ToContainTextAsync("Alex");
        await Axe.AssertNoViolationsAsync(coach, "the escalation queue");
        var queueShot = Path.Combine(screenshots, "coach-queue.png");
        await coach.ScreenshotAsync(new PageScreenshotOptions { Path = queueShot });

        // The coach opens the patient and replies; the patient sees the reply in Web Chat.
        await top.GetByRole(AriaRole.Link, new() { Name = "Open" }).ClickAsync();
        await Assertions.Expect(coach.GetByRole(AriaRole.Heading, new() { Name = "Alex" })).ToBeVisibleAsync(new() { Timeout = StepTimeout });
        await Axe.AssertNoViolationsAsync(coach, "the patient view");
        await coach.GetByLabel("Message (sent into the patient's chat").FillAsync("Hello Alex, this is Jo. Please go to the emergency department now. I will call you.");
        await coach.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(coach.GetByText("Your reply was sent.")).ToBeVisibleAsync(new() { Timeout = StepTimeout });
        await Axe.AssertNoViolationsAsync(coach, "the patient view after a reply");
        await ExpectBotAsync(patient, "Jo from the care team has joined the chat.");
        await ExpectBotAsync(patient, "Hello Alex, this is Jo. Please go to the emergency department now.");
        await patient.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "patient-coach-reply.png") });

        // The coach resolves it with a note; the queue is empty again.
        await coach.GetByLabel("Note").FillAsync("Phoned Alex; on the way to A&E.");
        await coach.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();
        await Assertions.Expect(coach.GetByText("Resolved, with your note.")).ToBeVisibleAsync(new() { Timeout = StepTimeout });
        await coach.GotoAsync(host.BaseUrl + "/coach");
        await Assertions.Expect(coach.GetByText("Nothing is waiting.")).ToBeVisibleAsync(new() { Timeout = StepTimeout });
        await coach.GotoAsync(host.BaseUrl + "/coach/audit");
        await Assertions.Expect(coach.Locator("td", new() { HasText = "resolve" }).First).ToBeVisibleAsync(new() { Timeout = StepTimeout });

        Assert.True(new FileInfo(queueShot).Length > 10_000);
        Assert.Empty(patientErrors);
        Assert.DoesNotContain("Turn failed", host.Output, StringComparison.Ordinal);
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
        var code = await CliApp.RunAsync(["coach", "add", CoachEmail, "--name", "Jo"], stdin, stdout, stderr, configuration);
        Assert.True(code == 0, "coach add failed: " + stderr);
    }

    private static ILocator BotText(IPage page, string text) => page.Locator("p:visible, li:visible", new() { HasText = text }).Last;

    private static async Task ExpectBotAsync(IPage page, string text) =>
        await Assertions.Expect(BotText(page, text)).ToBeVisibleAsync(new() { Timeout = StepTimeout });

    private static async Task ClickCardButtonAsync(IPage page, string botText, string button)
    {
        await ExpectBotAsync(page, botText);
        var card = page.Locator(".ac-adaptiveCard", new() { HasText = botText }).Last;
        await card.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync(new() { Timeout = StepTimeout });
    }

    private static async Task TypeAsync(IPage page, string botText, string text)
    {
        await ExpectBotAsync(page, botText);
        var input = page.Locator("[data-id='webchat-sendbox-input']"); // not a card's text box
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }
}
