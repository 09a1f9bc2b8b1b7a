using System.Globalization;
using System.Text.RegularExpressions;
using CoachBot.Testing;
using Microsoft.Playwright;

namespace CoachBot.EndToEnd.Tests.Teams;

/// <summary>
/// The patient journey in Microsoft's own Teams client emulator, the Microsoft 365 Agents Playground, driven in
/// Debian's headless Chromium: the app is installed (the Playground sends installationUpdate and conversationUpdate
/// as Teams does) and welcomes the patient, onboarding, a scheduled check-in that arrives proactively through the
/// Playground's mock Bot Connector and is answered to a decision, "my progress", and a red flag typed by the patient.
/// The real host runs on Kestrel at 127.0.0.1 in Production, with anonymous /api/messages switched on for the test
/// (the Playground sends no token) and a scheduler that polls every second.
/// </summary>
public sealed partial class PlaygroundJourneyTests
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const float StepTimeout = 30_000;
    private const string Zone = "Europe/London";

    [Fact]
    public async Task Playground_InstallOnboardScheduledCheckInProgressRedFlag_AllShownAsTeamsWould()
    {
        Assert.True(File.Exists(ChromiumPath), "Chromium is missing: run scripts/deps/chromium.sh");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using var host = await HostProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["Bot:AllowAnonymous"] = "true", // the Playground posts without a Bot Framework token
                ["Scheduler:PollInterval"] = "00:00:01",
                ["Scheduler:ReconcileInterval"] = "00:00:10",
                ["Scheduler:QuietHoursStart"] = "00:00", // equal start and end: no quiet hours, whatever the hour the test runs
                ["Scheduler:QuietHoursEnd"] = "00:00",
            },
            cancel.Token);
        await using var playground = await PlaygroundProcess.StartAsync(host.BaseUrl, Zone, cancel.Token);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 }, TimezoneId = Zone });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await LoopbackOnlyAsync(page);
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var chat = new PlaygroundChat(page, folder);

        // Install: opening the personal chat installs the app; the welcome and the consent question follow.
        await page.GotoAsync(playground.BaseUrl + "/");
        await chat.ExpectAsync("Hi, I'm CoachBot.");
        await chat.ExpectAsync("go to the emergency department now");
        await chat.ClickAsync("is it OK for me to keep your answers?", "Yes, that's OK");
        Assert.Contains("installationUpdate", await chat.LogPanelAsync(), StringComparison.Ordinal);
        await chat.ScreenshotAsync("teams-01-welcome");

        // Onboarding, as in Web Chat: name, screening, red flags, baseline, STarT Back, goals, training, schedule.
        await chat.TypeAsync("What would you like me to call you?", "Sam");
        await chat.TypeAsync("How old are you?", "34");
        foreach (var question in ScreeningQuestions)
        {
            await chat.ClickAsync(question, "No");
        }

        await chat.ExpectAsync("Now a few quick safety questions.");
        foreach (var question in RedFlagQuestions)
        {
            await chat.ClickAsync(question, "No");
        }

        await chat.ExpectAsync("Nothing there stops you from starting.");
        await chat.TypeAsync("On a normal day, how bad is your back pain?", "6");
        await chat.TypeAsync("Name one thing your back makes hard to do.", "walking the dog");
        await chat.TypeAsync("How well can you do this now", "5");
        foreach (var statement in StartBackStatements)
        {
            await chat.ClickAsync(statement, "I don't agree");
        }

        await chat.ClickAsync("how much has your back pain bothered you", "A little");
        await chat.TypeAsync("What would you like to be able to do when your back is stronger?", "Walk the dog for 30 minutes without pain");
        await chat.ClickAsync("What do you have to train with?", "Nothing");
        await chat.ClickAsync("How long have you done strength training", "I don't yet");

        // The schedule: today, at this minute in the patient's zone (Teams' clientInfo timezone). The slot is at most a
        // minute old when onboarding ends, so the scheduler's next reconcile indexes it and its next poll sends it.
        var local = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(Zone));
        var day = CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(local.DayOfWeek);
        var time = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        await chat.TypeAsync("Which days would you like me to check in?", day);
        await chat.TypeAsync("What time of day suits you?", time);
        await chat.ClickAsync($"check in on {day} at {time} ({Zone})", "Keep it");
        await chat.ExpectAsync("Go to the emergency department right away if you get any of these");
        await chat.ExpectAsync("all set up");
        await chat.ScreenshotAsync("teams-02-onboarded");

        // The scheduled check-in arrives on its own, through the Playground's mock connector.
        await Assertions.Expect(chat.BotText(CheckInGreeting())).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await chat.TypeAsync("How bad is your back pain right now?", "3");
        await chat.ScreenshotAsync("teams-03-scheduled-checkin");
        await chat.ClickAsync("What does the pain feel like?", "Stiff");
        await chat.ClickAsync("Does anything else fit?", "Done");
        await chat.ClickAsync("go below your knee?", "No");
        await chat.TypeAsync("Think about your last training session.", "2");
        await chat.ClickAsync("By the next morning, was your back pain back to how it usually is?", "Yes");
        await chat.TypeAsync("How many training sessions did you do in the last 2 weeks?", "2");
        await chat.ClickAsync("Compared with last week, is your back pain better", "Better");
        await chat.TypeAsync("anything else you", "Nothing else");
        await chat.ExpectAsync("keep things steady this time. Your next session stays about the same");
        await chat.ExpectAsync("Here is your next session:");
        await chat.ExpectAsync("Box squat (sit down to a chair and stand up): 2 sets of 8");
        await chat.ExpectAsync("Would you like to read it now?");
        var decision = await chat.ScreenshotAsync("teams-04-checkin-decision");

        // My progress reads the saved check-in back.
        await chat.ClickAsync("Would you like to read it now?", "Not now");
        await chat.TypeAsync("Would you like to read it now?", "my progress");
        await chat.ExpectAsync("Here is how you are doing, Sam");
        await chat.ExpectAsync("At your check-in, your pain was 3 out of 10.");
        await chat.ScreenshotAsync("teams-05-progress");

        // A red flag typed by the patient: the emergency message, and the care team is told.
        await chat.TypeAsync("Here is how you are doing, Sam", "Since this morning I can't control my bladder");
        await chat.ExpectAsync("This needs a doctor now.");
        await chat.ExpectAsync("I've told the care team.");
        await chat.ScreenshotAsync("teams-06-red-flag");

        Assert.True(new FileInfo(decision).Length > 10_000);
        Assert.Contains("conversationUpdate", await chat.LogPanelAsync(), StringComparison.Ordinal);
        Assert.True(chat.Tapped >= 15, $"Only {chat.Tapped} options were tapped: the Playground showed few suggested actions.");
        Assert.Empty(errors);
        Assert.DoesNotContain("Turn failed", host.Output, StringComparison.Ordinal);
    }

    /// <summary>Aborts every browser request that would leave 127.0.0.1 (the Playground page asks a CDN for its fonts).</summary>
    internal static Task LoopbackOnlyAsync(IPage page) =>
        page.RouteAsync("**/*", route =>
        {
            var url = new Uri(route.Request.Url);
            return url.Scheme is "data" or "blob" || url.Host == "127.0.0.1" ? route.ContinueAsync() : route.AbortAsync();
        });

    [GeneratedRegex("it's time for your check-in|Ready for a quick check-in|Time for a quick check-in on your back")]
    private static partial Regex CheckInGreeting();

    private static readonly string[] ScreeningQuestions =
    [
        "have you had surgery on your back, or an injection in your spine?",
        "Are you pregnant, or have you had a baby in the last 6 months?",
        "Do you have weak bones (osteoporosis)?",
        "a broken bone, a tumour or an infection in your spine?",
        "Do any of these apply to you?",
    ];

    private static readonly string[] RedFlagQuestions =
    [
        "new trouble with your bladder or bowels?",
        "Is the skin between your legs numb or tingling?",
        "Is either of your legs getting weaker?",
        "Have you had a fever, chills or night sweats lately?",
        "Have you had a fall, an accident or a hard knock to your back",
        "Have you lost weight lately without trying?",
        "Have you ever had cancer?",
        "Does back pain wake you up at night",
    ];

    private static readonly string[] StartBackStatements =
    [
        "my back pain has spread down one or both legs",
        "pain in my shoulder or neck",
        "only walked short distances",
        "slower than usual to get dressed",
        "safe for a person with a back like mine to be active",
        "Worrying thoughts have been going through my mind",
        "my back pain is terrible",
        "have not enjoyed all the things I used to enjoy",
    ];
}
