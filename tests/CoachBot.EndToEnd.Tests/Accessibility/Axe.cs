using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CoachBot.EndToEnd.Tests.Accessibility;

/// <summary>
/// axe-core (Deque.AxeCore.Playwright) on a page as it is on screen, limited to the WCAG 2.1 A and AA rules; the check
/// fails on any violation and names each rule, its impact and the elements. For every page a patient or coach uses:
/// call <see cref="AssertNoViolationsAsync"/> once the page shows what should be checked (a card, suggested actions, a form).
/// </summary>
public static class Axe
{
    /// <summary>The axe tags of WCAG 2.0 and 2.1, levels A and AA.</summary>
    public static readonly IReadOnlyList<string> Wcag21AaTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>Runs axe on the whole page and fails with a readable list when any WCAG 2.1 A/AA rule is violated.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        ArgumentNullException.ThrowIfNull(page);
        await WebChatAnnouncementsDoneAsync(page).ConfigureAwait(false);
        var result = await page.RunAxe(Options()).ConfigureAwait(false);
        Assert.True(result.Violations.Length == 0, Describe(what, page.Url, result));
        Assert.NotEmpty(result.Passes); // axe really ran rules on this page
    }

    /// <summary>
    /// Web Chat announces each new activity through a polite live region that holds a short-lived copy of it (fading
    /// after about a second); the copy of a card keeps its inputs but not their labels. The page is checked once those
    /// announcements are gone, as a patient's screen reader leaves them, so axe sees the transcript the patient uses.
    /// </summary>
    private static async Task WebChatAnnouncementsDoneAsync(IPage page) =>
        await page.WaitForFunctionAsync(
            "() => !document.querySelector('.webchat__live-region-transcript .webchat__live-region-activity')",
            null,
            new PageWaitForFunctionOptions { Timeout = 15_000 }).ConfigureAwait(false);

    private static AxeRunOptions Options() => new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Wcag21AaTags] },
    };

    private static string Describe(string what, string url, AxeResult result)
    {
        var text = new StringBuilder();
        text.Append("WCAG 2.1 AA violations on ").Append(what).Append(" (").Append(url).AppendLine("):");
        foreach (var violation in result.Violations)
        {
            text.Append("- ").Append(violation.Id).Append(" [").Append(violation.Impact).Append("] ").AppendLine(violation.Help);
            foreach (var node in violation.Nodes.Take(5))
            {
                text.Append("    ").Append(node.Target).Append(": ").AppendLine(node.Html);
                foreach (var check in node.Any.Concat(node.All).Concat(node.None))
                {
                    text.Append("      ").AppendLine(check.Message);
                }
            }
        }

        return text.ToString();
    }
}
