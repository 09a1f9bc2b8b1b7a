using Microsoft.Playwright;
using Xunit.Sdk;

namespace CoachBot.EndToEnd.Tests.Accessibility;

/// <summary>The axe check itself: it fails on a WCAG 2.1 AA violation and names the rule, and passes a clean page.</summary>
public sealed class AxeTests
{
    private const string ChromiumPath = "/usr/bin/chromium";

    [Fact]
    public async Task AssertNoViolations_FailsOnAnImageWithoutAltAndLowContrast_PassesACleanPage()
    {
        Assert.True(File.Exists(ChromiumPath), "Chromium is missing: run scripts/deps/chromium.sh");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();

        await page.SetContentAsync("""
            <!doctype html><html lang="en"><head><title>Bad</title></head><body><main>
            <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
            <p style="color:#aaaaaa;background:#ffffff">Pale text</p>
            </main></body></html>
            """);
        var failure = await Assert.ThrowsAsync<TrueException>(() => Axe.AssertNoViolationsAsync(page, "a bad page"));
        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("color-contrast", failure.Message, StringComparison.Ordinal);

        await page.SetContentAsync("""
            <!doctype html><html lang="en"><head><title>Good</title></head><body><main>
            <h1>Good</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="A dot">
            <p style="color:#1f2d2b;background:#ffffff">Dark text</p>
            </main></body></html>
            """);
        await Axe.AssertNoViolationsAsync(page, "a clean page");
    }
}
