using Microsoft.Playwright;
using CoachBot.EndToEnd.Tests.Accessibility;
using CoachBot.Testing;

namespace CoachBot.EndToEnd.Tests.WebChat;

/// <summary>
/// The whole patient journey in Debian's headless Chromium against the real host on Kestrel: onboarding on a few
/// Adaptive Cards and a check-in on one, by clicking suggested actions, typing in the Web Chat send box and filling the card.
/// </summary>
public sealed class PatientJourneyTests
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const float StepTimeout = 30_000;

    [Fact]
    public async Task WebChat_OnboardingThenCheckIn_ShowsDecisionAndNextSession()
    {
        Assert.True(File.Exists(ChromiumPath), "Chromium is missing: run scripts/deps/chromium.sh");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var host = await HostProcess.StartAsync(cancellationToken: cancel.Token);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 1100 }, TimezoneId = "Europe/London" });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var journey = new Journey(page, folder);

        await page.GotoAsync(host.BaseUrl + "/");

        // Onboarding on cards: the welcome with the consent buttons, then about you.
        await journey.ExpectAsync("is it OK for me to keep your answers?");
        await Axe.AssertNoViolationsAsync(page, "the web chat page with the welcome card");
        await journey.ScreenshotAsync("01-consent");
        await journey.CardButtonAsync("is it OK for me to keep your answers?", "Yes, that's OK");
        var about = journey.Card("About you");
        await about.GetByLabel("What would you like me to call you?").FillAsync("Sam", new() { Timeout = StepTimeout });
        await about.GetByLabel("How old are you?").FillAsync("34");
        await about.GetByLabel("On a normal day, how bad is your back pain?").FillAsync("6");
        await about.GetByLabel("Name one thing your back makes hard to do.").FillAsync("walking the dog");
        await about.GetByLabel("How well can you do it now?").FillAsync("5");
        await journey.CardButtonAsync("About you", "Next");

        // Your health: the pre-exercise screening and the red-flag questions on one card.
        var health = journey.Card("Your health");
        foreach (var id in new[] { "surgery", "pregnancy", "bones", "spine", "health" }.Concat(RedFlagInputs))
        {
            await Journey.ChooseAsync(health, id, "no");
        }

        await journey.CardButtonAsync("Your health", "Next");
        await journey.ExpectAsync("Nothing there stops you from starting.");

        // STarT Back: eight agree/disagree statements and how bothersome the pain was.
        var startBack = journey.Card("The last 2 weeks");
        for (var i = 1; i <= 8; i++)
        {
            await Journey.ChooseAsync(startBack, "sb" + i, "disagree");
        }

        await Journey.ChooseAsync(startBack, "sb9", "1");
        await journey.ScreenshotAsync("02-startback");
        await journey.CardButtonAsync("The last 2 weeks", "Next");

        // Goals and training (starter plan), then the check-in times; Web Chat sends the browser's time zone.
        var training = journey.Card("Your goals and training");
        await training.GetByLabel("What would you like to be able to do when your back is stronger?").FillAsync("Walk the dog for 30 minutes without pain", new() { Timeout = StepTimeout });
        await Journey.ChooseAsync(training, "equipment", "none");
        await Journey.ChooseAsync(training, "experience", "none");
        await journey.CardButtonAsync("Your goals and training", "Next");
        await journey.ExpectAsync("It uses just your body weight");
        var times = journey.Card("Your check-ins");
        await times.GetByLabel("What time of day suits you?").FillAsync("18:30", new() { Timeout = StepTimeout });
        await Assertions.Expect(times.GetByLabel("Which time zone are you in?")).ToHaveValueAsync("Europe/London");
        await journey.CardButtonAsync("Your check-ins", "Next");
        await journey.ExpectAsync("check in on Monday, Thursday at 18:30 (Europe/London)");
        await journey.ExpectAsync("Go to the emergency department right away if you get any of these");
        await journey.ExpectAsync("all set up");
        await journey.ScreenshotAsync("03-onboarded");

        // A check-in asked for by the patient: one Adaptive Card, filled in and sent once.
        await journey.TypeAsync("all set up", "check in");
        await journey.ExpectAsync("Answer these questions, then tap");
        var card = page.Locator(".ac-adaptiveCard", new() { HasText = "Send my check-in" }).Last;
        await card.GetByLabel("How bad is your back pain right now?").FillAsync("3");
        await card.GetByRole(AriaRole.Checkbox, new() { Name = "Stiff", Exact = true }).CheckAsync();
        await Journey.ChooseAsync(card, "belowKnee", "no");
        await card.GetByLabel("In your last training session, what was your pain at its worst?").FillAsync("2");
        await Journey.ChooseAsync(card, "settled", "yes");
        await card.GetByLabel("How many training sessions did you do in the last 2 weeks?").FillAsync("2");
        await Journey.ChooseAsync(card, "trend", "better");
        await journey.ScreenshotAsync("04a-checkin-card");
        await Axe.AssertNoViolationsAsync(page, "the web chat page with the check-in card");
        await card.GetByRole(AriaRole.Button, new() { Name = "Send my check-in" }).ClickAsync(new() { Timeout = StepTimeout });

        // The decision card: the decision in plain words, why, and the next session as a table.
        await journey.ExpectAsync("keep things steady this time. Your next session stays about the same");
        await journey.ExpectAsync("Here is your next session:");
        var decisionCard = page.Locator(".ac-adaptiveCard", new() { HasText = "Your check-in result" }).Last;
        await Assertions.Expect(decisionCard.GetByRole(AriaRole.Table)).ToBeVisibleAsync(new() { Timeout = StepTimeout });
        await Assertions.Expect(decisionCard.GetByRole(AriaRole.Link, new() { Name = "Box squat (sit down to a chair and stand up)" })).ToBeVisibleAsync(new() { Timeout = StepTimeout });
        await journey.ExpectAsync("Would you like to read it now?");
        await decisionCard.ScrollIntoViewIfNeededAsync();
        var screenshot = await journey.ScreenshotAsync("04-checkin-decision");

        // The saved check-in reads back: decline the lesson, then ask for progress: a chart made by the host.
        await decisionCard.GetByRole(AriaRole.Button, new() { Name = "Not now" }).ClickAsync(new() { Timeout = StepTimeout });
        await journey.ExpectAsync("OK, maybe another time.");
        await journey.TypeAsync("OK, maybe another time.", "my progress");
        await journey.ExpectAsync("Here is how you are doing, Sam");
        var chart = page.Locator("img[src^='data:image/png']").Last;
        await Assertions.Expect(chart).ToBeVisibleAsync(new() { Timeout = StepTimeout });
        await chart.ScrollIntoViewIfNeededAsync();
        Assert.True(await chart.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 480"), "the progress chart did not load");
        await journey.ExpectAsync("The line shows your pain at each check-in");
        await journey.ScreenshotAsync("05-progress");

        // How to do a move: a Hero card with the exercise's picture, which the host serves.
        await journey.TypeAsync("Here is how you are doing, Sam", "how do I do a hip bridge?");
        var picture = page.Locator("img[src$='/content/exercises/glute-bridge.svg']").Last;
        await Assertions.Expect(picture).ToBeVisibleAsync(new() { Timeout = StepTimeout });
        await picture.ScrollIntoViewIfNeededAsync();
        Assert.True(await picture.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the exercise picture did not load");
        await journey.ExpectAsync("Press your heels into the floor.");
        await Axe.AssertNoViolationsAsync(page, "the web chat page with a Hero card");
        await journey.ScreenshotAsync("06-exercise-card");

        Assert.True(new FileInfo(screenshot).Length > 10_000);
        Assert.Equal(0, await page.GetByText("something went wrong", new() { Exact = false }).CountAsync());
        Assert.Empty(errors);
        Assert.DoesNotContain("Turn failed", host.Output, StringComparison.Ordinal);
    }

    private static readonly string[] RedFlagInputs =
        ["rf_bladderbowel", "rf_saddlenumbness", "rf_progressiveweakness", "rf_fever", "rf_recenttrauma", "rf_unexplainedweightloss", "rf_cancerhistory", "rf_nightpain"];

    /// <summary>Waits for specific bot texts, then acts as the patient would.</summary>
    private sealed class Journey(IPage page, string folder)
    {
        public async Task ExpectAsync(string botText) =>
            await Assertions.Expect(BotText(botText)).ToBeVisibleAsync(new() { Timeout = StepTimeout });

        public async Task ClickAsync(string botText, string button)
        {
            await ExpectAsync(botText);
            var suggestions = page.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" });
            await suggestions.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync(new() { Timeout = StepTimeout });
        }

        /// <summary>The last Adaptive Card showing <paramref name="text"/>.</summary>
        public ILocator Card(string text) => page.Locator(".ac-adaptiveCard", new() { HasText = text }).Last;

        /// <summary>Presses a button of the last card showing <paramref name="text"/>.</summary>
        public async Task CardButtonAsync(string text, string button)
        {
            await ExpectAsync(text);
            await Card(text).GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync(new() { Timeout = StepTimeout });
        }

        /// <summary>Picks an option (by its value) of a card's radio group (Adaptive Cards names each radio after its input id).</summary>
        public static async Task ChooseAsync(ILocator card, string inputId, string value)
        {
            var radio = card.Locator($"input[type=radio][name='{inputId}'][value='{value}']");
            await radio.CheckAsync(new() { Timeout = StepTimeout });
        }

        public async Task TypeAsync(string botText, string text)
        {
            await ExpectAsync(botText);
            var input = page.Locator("[data-id='webchat-sendbox-input']"); // not a card's text box
            await input.FillAsync(text);
            await input.PressAsync("Enter");
        }

        public async Task<string> ScreenshotAsync(string name)
        {
            var path = Path.Combine(folder, name + ".png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
            return path;
        }

        private ILocator BotText(string text) =>
            page.Locator("p:visible, li:visible", new() { HasText = text }).Last;
    }
}
