using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CoachBot.EndToEnd.Tests.Teams;

/// <summary>
/// The patient's side of the Playground's Teams chat: waits for a bot message, fills and sends Adaptive Cards, types
/// in the compose box (a rich-text editor, as in Teams) and takes screenshots. Every wait is on page content.
/// </summary>
internal sealed class PlaygroundChat(IPage page, string folder)
{
    private const float StepTimeout = 30_000;

    /// <summary>The newest bot message (a Teams message card) containing <paramref name="text"/>.</summary>
    public ILocator BotText(string text) => page.Locator(".fai-OutputCard", new() { HasText = text }).Last;

    /// <summary>The newest bot message matching <paramref name="pattern"/>.</summary>
    public ILocator BotText(Regex pattern) => page.Locator(".fai-OutputCard", new() { HasTextRegex = pattern }).Last;

    /// <summary>The newest Adaptive Card containing <paramref name="text"/>.</summary>
    public ILocator Card(string text) => Cards(text).Last;

    /// <summary>Every Adaptive Card containing <paramref name="text"/>.</summary>
    public ILocator Cards(string text) => page.Locator(".ac-adaptiveCard", new() { HasText = text });

    /// <summary>Picks an option of a card's radio group, found by its question (Teams' renderer labels each group by it).</summary>
    public static Task ChooseAsync(ILocator card, string question, string option) =>
        card.GetByRole(AriaRole.Radiogroup, new() { Name = question }).GetByLabel(option, new() { Exact = true }).CheckAsync(new() { Timeout = StepTimeout });

    /// <summary>Picks the option with <paramref name="value"/> in every radio group of the card that has one.</summary>
    public static async Task ChooseEveryAsync(ILocator card, string value)
    {
        var groups = card.GetByRole(AriaRole.Radiogroup);
        await Assertions.Expect(groups.First).ToBeVisibleAsync(new() { Timeout = StepTimeout });
        var chosen = 0;
        for (var i = 0; i < await groups.CountAsync(); i++)
        {
            var radio = groups.Nth(i).Locator($"input[type=radio][value='{value}']");
            if (await radio.CountAsync() == 1)
            {
                await radio.CheckAsync(new() { Timeout = StepTimeout });
                chosen++;
            }
        }

        Assert.True(chosen > 0, $"No radio group on the card has the option '{value}'.");
    }

    /// <summary>Picks the option with <paramref name="value"/> in the card's radio group number <paramref name="index"/> (from 0).</summary>
    public static Task ChooseInGroupAsync(ILocator card, int index, string value) =>
        card.GetByRole(AriaRole.Radiogroup).Nth(index).Locator($"input[type=radio][value='{value}']").CheckAsync(new() { Timeout = StepTimeout });

    /// <summary>Waits for the newest card containing <paramref name="cardText"/> and presses one of its buttons (Action.Submit).</summary>
    public Task CardButtonAsync(string cardText, string button) =>
        StepAsync(
            $"pressing '{button}' on the card: {cardText}",
            () => Card(cardText).GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync(new() { Timeout = StepTimeout }));

    /// <summary>Ticks an option of a card's multi-select (Teams' renderer gives each box the option as aria-label).</summary>
    public static Task TickAsync(ILocator card, string option) =>
        card.Locator($"input[type=checkbox][aria-label='{option}']").CheckAsync(new() { Timeout = StepTimeout });

    public Task ExpectAsync(string botText) =>
        StepAsync("waiting for: " + botText, () => Assertions.Expect(BotText(botText)).ToBeVisibleAsync(new() { Timeout = StepTimeout }));

    /// <summary>Waits for the bot's question, then types the answer in the compose box and sends it with Enter.</summary>
    public async Task TypeAsync(string botText, string text)
    {
        await ExpectAsync(botText);
        await StepAsync($"typing '{text}' after: {botText}", async () =>
        {
            var compose = page.GetByRole(AriaRole.Textbox).Last;
            await compose.FillAsync(text);
            await compose.PressAsync("Enter");
            await Assertions.Expect(compose).ToHaveTextAsync("", new() { Timeout = StepTimeout });
        });
    }

    /// <summary>Runs one step; when it fails, a screenshot named <c>failed.png</c> and the page's text go with the error.</summary>
    public async Task StepAsync(string step, Func<Task> action) =>
        await StepAsync(step, async () =>
        {
            await action();
            return true;
        });

    private async Task<T> StepAsync<T>(string step, Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is TimeoutException or PlaywrightException)
        {
            await ScreenshotAsync("failed");
            await File.WriteAllTextAsync(Path.Combine(folder, "failed.html"), await page.ContentAsync());
            var text = await page.InnerTextAsync("body");
            throw new InvalidOperationException($"Playground step failed, {step}\nThe page shows:\n{text}", ex);
        }
    }

    /// <summary>The text of the Playground's log panel, where each activity sent to the bot is listed by type.</summary>
    public Task<string> LogPanelAsync() => page.InnerTextAsync("body");

    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        return path;
    }
}
