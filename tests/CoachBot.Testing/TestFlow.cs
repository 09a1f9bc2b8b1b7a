using CoachBot.Protocol.Schema;

namespace CoachBot.Testing;

/// <summary>
/// A fluent script over a <see cref="TestAdapter"/>: <c>Send("hi").AssertReply("Hello").StartTestAsync()</c>.
/// Each Send runs a whole turn (replies are delivered before it returns); each AssertReply takes the next
/// reply in order.
/// </summary>
public sealed class TestFlow(TestAdapter adapter)
{
    private readonly List<Func<Task>> _steps = [];

    /// <summary>Sends a user message.</summary>
    public TestFlow Send(string text) => Then(() => adapter.SendTextAsync(text));

    /// <summary>Sends an activity (addressed like a channel would).</summary>
    public TestFlow Send(Activity activity) => Then(() => adapter.SendActivityAsync(activity));

    /// <summary>Asserts the next reply's text equals <paramref name="expected"/>.</summary>
    public TestFlow AssertReply(string expected) => AssertReply(reply =>
    {
        if (!string.Equals(reply.Text, expected, StringComparison.Ordinal))
        {
            throw new TestAssertionException($"Expected reply \"{expected}\" but got \"{reply.Text}\".");
        }
    });

    /// <summary>Asserts the next reply's text contains <paramref name="fragment"/> (case-insensitive).</summary>
    public TestFlow AssertReplyContains(string fragment) => AssertReply(reply =>
    {
        if (reply.Text is null || !reply.Text.Contains(fragment, StringComparison.OrdinalIgnoreCase))
        {
            throw new TestAssertionException($"Expected a reply containing \"{fragment}\" but got \"{reply.Text}\".");
        }
    });

    /// <summary>Runs a custom check on the next reply.</summary>
    public TestFlow AssertReply(Action<Activity> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return Then(() =>
        {
            var reply = adapter.GetNextReply() ?? throw new TestAssertionException("Expected a reply but the bot sent nothing more.");
            check(reply);
            return Task.CompletedTask;
        });
    }

    /// <summary>Asserts that no unread reply is left.</summary>
    public TestFlow AssertNoReply() => Then(() =>
    {
        var reply = adapter.GetNextReply();
        return reply is null ? Task.CompletedTask : throw new TestAssertionException($"Expected no reply but got \"{reply.Text}\".");
    });

    /// <summary>Runs any step (advance time, inspect state...).</summary>
    public TestFlow Then(Func<Task> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _steps.Add(step);
        return this;
    }

    /// <summary>Runs the script.</summary>
    public async Task StartTestAsync()
    {
        foreach (var step in _steps)
        {
            await step().ConfigureAwait(false);
        }
    }
}
