using Microsoft.Playwright;
using CoachBot.EndToEnd.Tests.Accessibility;
using CoachBot.Testing;

namespace CoachBot.EndToEnd.Tests.WebChat;

/// <summary>
/// The whole patient journey in Debian's headless Chromium against the real host on Kestrel: onboarding and a
/// check-in on one Adaptive Card, by clicking suggested actions, typing in the Web Chat send box and filling the card.
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

        // Onboarding: consent, name, baseline pain and function.
        await journey.ExpectAsync("is it OK for me to keep your answers?");
        await Assertions.Expect(page.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" })).ToBeVisibleAsync(new() { Timeout = StepTimeout });
        await Axe.AssertNoViolationsAsync(page, "the web chat page with suggested actions");
        await journey.ScreenshotAsync("01-consent");
        await journey.ClickAsync("is it OK for me to keep your answers?", "Yes, that's OK");
        await journey.TypeAsync("What would you like me to call you?", "Sam");

        // The pre-exercise screening: age, surgery, pregnancy, bones, the spine, general health, then the red flags.
        await journey.TypeAsync("How old are you?", "34");
        foreach (var question in new[]
        {
            "have you had surgery on your back, or an injection in your spine?",
            "Are you pregnant, or have you had a baby in the last 6 months?",
            "Do you have weak bones (osteoporosis)?",
            "a broken bone, a tumour or an infection in your spine?",
            "Do any of these apply to you?",
        })
        {
            await journey.ClickAsync(question, "No");
        }

        await journey.ExpectAsync("Now a few quick safety questions.");
        foreach (var question in RedFlagQuestions)
        {
            await journey.ClickAsync(question, "No");
        }

        await journey.ExpectAsync("Nothing there stops you from starting.");
        await journey.TypeAsync("On a normal day, how bad is your back pain?", "6");
        await journey.TypeAsync("Name one thing your back makes hard to do.", "walking the dog");
        await journey.TypeAsync("How well can you do this now", "5");

        // STarT Back: eight agree/disagree statements and how bothersome the pain was.
        foreach (var statement in new[]
        {
            "my back pain has spread down one or both legs",
            "pain in my shoulder or neck",
            "only walked short distances",
            "slower than usual to get dressed",
            "safe for a person with a back like mine to be active",
            "Worrying thoughts have been going through my mind",
            "my back pain is terrible",
            "have not enjoyed all the things I used to enjoy",
        })
        {
            await journey.ClickAsync(statement, "I don't agree");
        }

        await journey.ClickAsync("how much has your back pain bothered you", "A little");
        await journey.ScreenshotAsync("02-startback");

        // Goals, training (starter plan) and the check-in schedule; Web Chat sends the browser's time zone.
        await journey.TypeAsync("What would you like to be able to do when your back is stronger?", "Walk the dog for 30 minutes without pain");
        await journey.ClickAsync("What do you have to train with?", "Nothing");
        await journey.ClickAsync("How long have you done strength training", "I don't yet");
        await journey.ExpectAsync("It uses just your body weight");
        await journey.TypeAsync("Which days would you like me to check in?", "Monday and Thursday");
        await journey.TypeAsync("What time of day suits you?", "6:30 pm");
        await journey.ClickAsync("check in on Monday, Thursday at 18:30 (Europe/London)", "Keep it");
        await journey.ExpectAsync("Go to the emergency department right away if you get any of these");
        await journey.ExpectAsync("all set up");
        await journey.ScreenshotAsync("03-onboarded");

        // A check-in asked for by the patient: one Adaptive Card, filled in and sent once.
        await journey.TypeAsync("all set up", "check in");
        await journey.ExpectAsync("Answer these questions, then tap");
        var card = page.Locator(".ac-adaptiveCard", new() { HasText = "Send my check-in" }).Last;
        await card.GetByLabel("How bad is your back pain right now?").FillAsync("3");
        await card.GetByRole(AriaRole.Checkbox, new() { Name = "Stiff", Exact = true }).CheckAsync();
        await Journey.ChooseAsync(card, "belowKnee", "No");
        await card.GetByLabel("In your last training session, what was your pain at its worst?").FillAsync("2");
        await Journey.ChooseAsync(card, "settled", "Yes");
        await card.GetByLabel("How many training sessions did you do in the last 2 weeks?").FillAsync("2");
        await Journey.ChooseAsync(card, "trend", "Better");
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

        /// <summary>Picks an option of a card's radio group (Adaptive Cards names each radio after its input id).</summary>
        public static async Task ChooseAsync(ILocator card, string inputId, string option)
        {
            var radio = card.Locator($"input[type=radio][name='{inputId}'][aria-label='{option}']");
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
