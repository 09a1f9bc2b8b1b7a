using System.Globalization;
using System.Text.Json;
using CoachBot.Protocol.Schema;

namespace CoachBot.Testing;

/// <summary>
/// A readable conversation transcript for tests, one line per turn or reply:
/// <code>
/// # comment
/// user: 7                      a message
/// user.submit: {"painScore":7}  a card submit (empty text, value object)
/// bot: On a scale of 0-10...    the next reply's text, exactly
/// bot~ scale of 0-10            the next reply's text contains this (case-insensitive)
/// bot.buttons: Yes | No         the next reply's suggested-action titles (checks the same reply as the previous bot line when it has no text line of its own)
/// </code>
/// Replies must be consumed in order: a user line or the end of the script fails when a reply is left unread.
/// </summary>
public sealed class ConversationScript
{
    private ConversationScript(IReadOnlyList<ScriptLine> lines) => Lines = lines;

    /// <summary>The parsed lines.</summary>
    public IReadOnlyList<ScriptLine> Lines { get; }

    /// <summary>Parses a script; throws <see cref="FormatException"/> naming the line on bad input.</summary>
    public static ConversationScript Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<ScriptLine>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            lines.Add(ParseLine(line, number));
        }

        return new ConversationScript(lines);
    }

    /// <summary>Loads and parses a script file.</summary>
    public static ConversationScript Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>Plays the script against the adapter.</summary>
    public async Task RunAsync(TestAdapter adapter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        Activity? lastReply = null;
        foreach (var line in Lines)
        {
            switch (line.Kind)
            {
                case ScriptLineKind.User:
                case ScriptLineKind.UserSubmit:
                    FailOnUnread(adapter, line);
                    var activity = Activity.CreateMessage(line.Kind == ScriptLineKind.User ? line.Text : null);
                    if (line.Kind == ScriptLineKind.UserSubmit)
                    {
                        activity.Value = JsonDocument.Parse(line.Text).RootElement.Clone();
                    }

                    await adapter.SendActivityAsync(activity, cancellationToken).ConfigureAwait(false);
                    lastReply = null;
                    break;
                case ScriptLineKind.BotExact:
                    lastReply = Next(adapter, line);
                    if (!string.Equals(lastReply.Text, line.Text, StringComparison.Ordinal))
                    {
                        throw Fail(line, $"expected \"{line.Text}\" but the bot said \"{lastReply.Text}\"");
                    }

                    break;
                case ScriptLineKind.BotContains:
                    lastReply = Next(adapter, line);
                    if (lastReply.Text is null || !lastReply.Text.Contains(line.Text, StringComparison.OrdinalIgnoreCase))
                    {
                        throw Fail(line, $"expected a reply containing \"{line.Text}\" but the bot said \"{lastReply.Text}\"");
                    }

                    break;
                case ScriptLineKind.BotButtons:
                    var reply = lastReply ?? Next(adapter, line);
                    var titles = reply.SuggestedActions?.Actions.Select(a => a.Title ?? string.Empty).ToList() ?? [];
                    var expected = line.Text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    if (!titles.SequenceEqual(expected, StringComparer.Ordinal))
                    {
                        throw Fail(line, $"expected buttons [{string.Join(" | ", expected)}] but got [{string.Join(" | ", titles)}]");
                    }

                    lastReply = null;
                    break;
                default:
                    throw new InvalidOperationException("Unknown script line kind.");
            }
        }

        if (Lines.Count > 0)
        {
            FailOnUnread(adapter, Lines[^1], atEnd: true);
        }
    }

    private static ScriptLine ParseLine(string line, int number)
    {
        (string Prefix, ScriptLineKind Kind)[] prefixes =
        [
            ("user.submit:", ScriptLineKind.UserSubmit),
            ("user:", ScriptLineKind.User),
            ("bot.buttons:", ScriptLineKind.BotButtons),
            ("bot:", ScriptLineKind.BotExact),
            ("bot~", ScriptLineKind.BotContains),
        ];
        foreach (var (prefix, kind) in prefixes)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                var text = line[prefix.Length..].Trim();
                if (kind == ScriptLineKind.UserSubmit)
                {
                    try
                    {
                        using var document = JsonDocument.Parse(text);
                        if (document.RootElement.ValueKind != JsonValueKind.Object)
                        {
                            throw new FormatException($"Line {number}: user.submit needs a JSON object.");
                        }
                    }
                    catch (JsonException ex)
                    {
                        throw new FormatException($"Line {number}: user.submit is not valid JSON: {ex.Message}", ex);
                    }
                }

                return new ScriptLine(kind, text, number);
            }
        }

        throw new FormatException(string.Format(CultureInfo.InvariantCulture, "Line {0}: expected 'user:', 'user.submit:', 'bot:', 'bot~' or 'bot.buttons:' but found \"{1}\".", number, line));
    }

    private static Activity Next(TestAdapter adapter, ScriptLine line) =>
        adapter.GetNextReply() ?? throw Fail(line, "expected a bot reply but there was none");

    private static void FailOnUnread(TestAdapter adapter, ScriptLine line, bool atEnd = false)
    {
        var unread = adapter.Connector.PeekUnread();
        if (unread.Count > 0)
        {
            throw Fail(line, $"{(atEnd ? "at the end of the script" : "before this line")} the bot also said \"{unread[0].Text}\" which the script does not expect");
        }
    }

    private static TestAssertionException Fail(ScriptLine line, string message) =>
        new(string.Format(CultureInfo.InvariantCulture, "Script line {0}: {1}.", line.Number, message));
}

/// <summary>One parsed script line.</summary>
/// <param name="Kind">What the line does.</param>
/// <param name="Text">The text after the prefix.</param>
/// <param name="Number">The 1-based line number in the file.</param>
public sealed record ScriptLine(ScriptLineKind Kind, string Text, int Number);

/// <summary>Kinds of script lines.</summary>
public enum ScriptLineKind
{
    /// <summary><c>user:</c> a message.</summary>
    User,

    /// <summary><c>user.submit:</c> a card submit.</summary>
    UserSubmit,

    /// <summary><c>bot:</c> exact reply text.</summary>
    BotExact,

    /// <summary><c>bot~</c> reply contains.</summary>
    BotContains,

    /// <summary><c>bot.buttons:</c> suggested actions.</summary>
    BotButtons,
}
