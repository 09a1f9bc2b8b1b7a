using CoachBot.Channels.Tests.Support;
using Microsoft.Playwright;

namespace CoachBot.Channels.Tests.WebChat;

/// <summary>
/// End to end in Debian's headless Chromium: the real Web Chat bundle on the patient page talks to the
/// built-in Direct Line, and a test bot answers through the connector routes.
/// </summary>
public sealed class WebChatBrowserTests
{
    private const string ChromiumPath = "/usr/bin/chromium";

    [Fact]
    public async Task Page_GreetingSuggestedActionAndTyping_ShowsRepliesAndSavesScreenshot()
    {
        Assert.True(File.Exists(ChromiumPath), "Chromium is missing: run scripts/deps/chromium.sh");
        await using var host = await DirectLineTestHost.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 900, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(host.BaseUrl + "/");
        await Assertions.Expect(Bubble(page, ReplyingBot.GreetingText)).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var suggestions = page.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" });
        await Assertions.Expect(suggestions.GetByRole(AriaRole.Button)).ToHaveCountAsync(ReplyingBot.Choices.Length);
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "webchat-greeting.png") });
        await suggestions.GetByRole(AriaRole.Button, new() { Name = ReplyingBot.Choices[0], Exact = true }).ClickAsync();
        await Assertions.Expect(Bubble(page, "You said: " + ReplyingBot.Choices[0])).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var input = page.GetByRole(AriaRole.Textbox).First;
        await input.FillAsync("My back feels stiff in the morning");
        await input.PressAsync("Enter");
        await Assertions.Expect(Bubble(page, "You said: My back feels stiff in the morning")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        var screenshot = Path.Combine(folder, "webchat-conversation.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });

        Assert.True(new FileInfo(screenshot).Length > 10_000);
        Assert.Empty(errors);
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(1, await page.Locator("body > header").CountAsync());
        Assert.Equal(1, await page.Locator("body > main").CountAsync());
        var messages = host.Bot.Received.Where(a => a.Type == "message").Select(a => a.Text).ToList();
        Assert.Equal([ReplyingBot.Choices[0], "My back feels stiff in the morning"], messages);
        Assert.All(host.Bot.Received.Where(a => a.Type == "message"), a => Assert.StartsWith("dl_", a.From!.Id, StringComparison.Ordinal));
    }

    /// <summary>A rendered message paragraph with exactly this text (Web Chat also repeats it in hidden labels).</summary>
    private static ILocator Bubble(IPage page, string text) =>
        page.Locator("p").GetByText(text, new() { Exact = true });
}
