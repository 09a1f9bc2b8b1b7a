using System.Globalization;
using System.Text.RegularExpressions;
using CoachBot.Testing;
using Microsoft.Playwright;

namespace CoachBot.EndToEnd.Tests.Teams;

/// <summary>
/// The patient journey in Microsoft's own Teams client emulator, the Microsoft 365 Agents Playground, driven in
/// Debian's headless Chromium: the app is installed (the Playground sends installationUpdate and conversationUpdate
/// as Teams does) and welcomes the patient on a card, onboarding on cards, a scheduled check-in card that arrives proactively through the
/// Playground's mock Bot Connector and is filled and sent to a decision card (the sent card is replaced by what was
/// sent, through the mock connector's update), "my progress" with its chart, and a red
/// flag typed into a check-in card's free-text box.
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
                ["Content:PublicBaseUrl"] = HostProcess.BaseUrlPlaceholder, // Teams fetches card images (the chart) from the host
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

        // Install: opening the personal chat installs the app; the welcome card with the consent buttons follows.
        await page.GotoAsync(playground.BaseUrl + "/");
        var welcome = chat.Card("is it OK for me to keep your answers?");
        await chat.StepAsync("waiting for the welcome card", async () =>
        {
            await Assertions.Expect(welcome).ToContainTextAsync("Hi, I'm CoachBot.", new() { Timeout = StepTimeout });
            await Assertions.Expect(welcome).ToContainTextAsync("go to the emergency department now");
        });
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("installationUpdate", new() { Timeout = StepTimeout }); // the log panel can lag the card
        await chat.ScreenshotAsync("teams-01-welcome");
        await chat.CardButtonAsync("is it OK for me to keep your answers?", "Yes, that's OK");

        // Onboarding on five cards: about you, health and red flags, STarT Back, goals and training, check-in times.
        var about = chat.Card("About you");
        await chat.StepAsync("filling the About you card", async () =>
        {
            await about.GetByLabel("What would you like me to call you?").FillAsync("Sam", new() { Timeout = StepTimeout });
            await about.GetByLabel("How old are you?").FillAsync("34");
            await about.GetByLabel("On a normal day, how bad is your back pain?").FillAsync("6");
            await about.GetByLabel("Name one thing your back makes hard to do.").FillAsync("walking the dog");
            await about.GetByLabel("How well can you do it now?").FillAsync("5");
        });
        await chat.CardButtonAsync("About you", "Next");

        var health = chat.Card("Your health");
        await chat.StepAsync("answering no on the Your health card", () => PlaygroundChat.ChooseEveryAsync(health, "no"));
        await chat.CardButtonAsync("Your health", "Next");
        await chat.ExpectAsync("Nothing there stops you from starting.");

        var startBack = chat.Card("The last 2 weeks");
        await chat.StepAsync("answering the STarT Back card", async () =>
        {
            await PlaygroundChat.ChooseEveryAsync(startBack, "disagree");
            await PlaygroundChat.ChooseInGroupAsync(startBack, 8, "1");
        });
        await chat.CardButtonAsync("The last 2 weeks", "Next");

        var training = chat.Card("Your goals and training");
        await chat.StepAsync("filling the goals and training card", async () =>
        {
            await training.GetByLabel("What would you like to be able to do when your back is stronger?").FillAsync("Walk the dog for 30 minutes without pain", new() { Timeout = StepTimeout });
            await PlaygroundChat.ChooseEveryAsync(training, "none");
        });
        await chat.CardButtonAsync("Your goals and training", "Next");
        await chat.ExpectAsync("It uses just your body weight");

        // The schedule: today, at this minute in the patient's zone (the card is filled with Teams' clientInfo time
        // zone). The slot is at most a minute old when onboarding ends, so the scheduler's next reconcile indexes it
        // and its next poll sends it.
        var times = chat.Card("Your check-ins");
        var local = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(Zone));
        var day = CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(local.DayOfWeek);
        var time = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        await chat.StepAsync("filling the check-in times card", async () =>
        {
            await Assertions.Expect(times.GetByLabel("Which time zone are you in?")).ToHaveValueAsync(Zone, new() { Timeout = StepTimeout });
            await PlaygroundChat.TickAsync(times, day);
            await times.GetByLabel("What time of day suits you?").FillAsync(time);
        });
        await chat.ScreenshotAsync("teams-02-schedule-card");
        await chat.CardButtonAsync("Your check-ins", "Next");
        await chat.ExpectAsync($" at {time} ({Zone})");
        await chat.ExpectAsync("Go to the emergency department right away if you get any of these");
        await chat.ExpectAsync("all set up");

        // The scheduled check-in arrives on its own, through the Playground's mock connector: one Adaptive Card.
        await Assertions.Expect(chat.BotText(CheckInGreeting())).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var card = chat.Card("Send my check-in");
        await chat.StepAsync("filling the check-in card", async () =>
        {
            await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = StepTimeout });
            await card.GetByLabel("How bad is your back pain right now?").FillAsync("3");
            await PlaygroundChat.TickAsync(card, "Stiff");
            await PlaygroundChat.ChooseAsync(card, BelowKnee, "No");
            await card.GetByLabel("In your last training session, what was your pain at its worst?").FillAsync("2");
            await PlaygroundChat.ChooseAsync(card, Settled, "Yes");
            await card.GetByLabel("How many training sessions did you do in the last 2 weeks?").FillAsync("2");
            await PlaygroundChat.ChooseAsync(card, Trend, "Better");
            await card.ScrollIntoViewIfNeededAsync();
        });
        await chat.ScreenshotAsync("teams-03-checkin-card");
        await chat.StepAsync("sending the check-in card", () => card.GetByRole(AriaRole.Button, new() { Name = "Send my check-in" }).ClickAsync(new() { Timeout = StepTimeout }));

        // The decision card: the decision in plain words, why, and the next session as a table.
        await chat.ExpectAsync("keep things steady this time. Your next session stays about the same");
        var decisionCard = chat.Card("Your check-in result");
        await chat.StepAsync("reading the decision card", async () =>
        {
            await Assertions.Expect(decisionCard).ToContainTextAsync("Here is your next session:", new() { Timeout = StepTimeout });
            await Assertions.Expect(decisionCard).ToContainTextAsync("Box squat (sit down to a chair and stand up)");
            await decisionCard.ScrollIntoViewIfNeededAsync();
        });
        var decision = await chat.ScreenshotAsync("teams-04-checkin-decision");

        // The sent card is replaced by what was sent (a PUT through the Playground's mock connector): no button is left on it.
        await chat.StepAsync("seeing the sent check-in card replaced", async () =>
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send my check-in" })).ToHaveCountAsync(0, new() { Timeout = StepTimeout });
            await Assertions.Expect(chat.Cards("Send my check-in")).ToHaveCountAsync(0);
            var sent = chat.Card("This is what you sent:");
            await Assertions.Expect(sent).ToContainTextAsync("How bad is your back pain right now?");
            await Assertions.Expect(sent.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
            await Assertions.Expect(sent.Locator("input")).ToHaveCountAsync(0);
        });

        // My progress: the chart the host draws, in a card, as an image this host serves (Teams does not reliably show data: URIs).
        await chat.StepAsync("declining the lesson", () => decisionCard.GetByRole(AriaRole.Button, new() { Name = "Not now" }).ClickAsync(new() { Timeout = StepTimeout }));
        await chat.TypeAsync("OK, maybe another time.", "my progress");
        await chat.ExpectAsync("Here is how you are doing, Sam");
        var chart = page.Locator($"img[src^='{host.BaseUrl}/charts/']").Last;
        await chat.StepAsync("waiting for the progress chart", async () =>
        {
            await Assertions.Expect(chart).ToBeVisibleAsync(new() { Timeout = StepTimeout });
            await chart.ScrollIntoViewIfNeededAsync();
        });
        Assert.True(await chart.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the progress chart did not load");
        await chat.ExpectAsync("The line shows your pain at each check-in");
        await chat.ScreenshotAsync("teams-05-progress");

        // A red flag typed into the card's free-text box: the emergency message, and the care team is told.
        await chat.TypeAsync("The line shows your pain at each check-in", "check in");
        var second = chat.Card("Send my check-in");
        await chat.StepAsync("filling the second check-in card with a red flag in its text box", async () =>
        {
            await Assertions.Expect(chat.Cards("Send my check-in")).ToHaveCountAsync(1, new() { Timeout = StepTimeout }); // the first was replaced
            await second.GetByLabel("How bad is your back pain right now?").FillAsync("4");
            await PlaygroundChat.ChooseAsync(second, BelowKnee, "No");
            await PlaygroundChat.ChooseAsync(second, Settled, "Yes");
            await second.GetByLabel("How many training sessions did you do in the last 2 weeks?").FillAsync("3");
            await second.GetByLabel("Anything else you want to tell me or your coach?").FillAsync("Since this morning I can't control my bladder");

            // A required question left open: Teams' renderer keeps the card and says what is missing.
            await second.GetByRole(AriaRole.Button, new() { Name = "Send my check-in" }).ClickAsync(new() { Timeout = StepTimeout });
            await Assertions.Expect(second.GetByText("Please pick one.")).ToBeVisibleAsync(new() { Timeout = StepTimeout });
            await PlaygroundChat.ChooseAsync(second, Trend, "Worse");
            await second.GetByRole(AriaRole.Button, new() { Name = "Send my check-in" }).ClickAsync(new() { Timeout = StepTimeout });
        });
        await chat.ExpectAsync("This needs a doctor now.");
        await chat.ExpectAsync("I've told the care team.");
        await chat.ScreenshotAsync("teams-06-red-flag");

        Assert.True(new FileInfo(decision).Length > 10_000);
        Assert.Contains("conversationUpdate", await chat.LogPanelAsync(), StringComparison.Ordinal);
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

    private const string BelowKnee = "Does any pain, numbness or tingling go below your knee?";
    private const string Settled = "By the next morning, was your back pain back to how it usually is?";
    private const string Trend = "Compared with last week, is your back pain better";

    [GeneratedRegex("it's time for your check-in|Ready for a quick check-in|Time for a quick check-in on your back")]
    private static partial Regex CheckInGreeting();

}
