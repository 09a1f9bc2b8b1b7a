using System.Globalization;

namespace CoachBot.Dialogs.Tests.Support;

/// <summary>
/// A readable transcript: <c>user: text</c>, <c>bot: exact</c>, <c>bot~ fragment</c> (or <c>bot~ a ... b</c>: fragments in
/// that order), <c>bot...</c> (skip the rest of
/// this turn's replies), and directives <c># given: onboarded[, stable history]</c> and <c># advance: 26h</c>.
/// </summary>
public sealed record Transcript(string? Given, IReadOnlyList<TranscriptLine> Lines)
{
    public static Transcript Load(string name)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Transcripts", name + ".transcript"));
        string? given = null;
        var lines = new List<TranscriptLine>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.StartsWith("# given:", StringComparison.Ordinal))
            {
                given = line["# given:".Length..].Trim();
            }
            else if (line.StartsWith("# advance:", StringComparison.Ordinal))
            {
                var hours = double.Parse(line["# advance:".Length..].Trim().TrimEnd('h'), CultureInfo.InvariantCulture);
                lines.Add(new TranscriptLine("advance", hours.ToString(CultureInfo.InvariantCulture), number));
            }
            else if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            else if (line.StartsWith("user:", StringComparison.Ordinal))
            {
                lines.Add(new TranscriptLine("user", line[5..].Trim(), number));
            }
            else if (line.StartsWith("bot...", StringComparison.Ordinal))
            {
                lines.Add(new TranscriptLine("skip", string.Empty, number));
            }
            else if (line.StartsWith("bot~", StringComparison.Ordinal))
            {
                lines.Add(new TranscriptLine("contains", line[4..].Trim(), number));
            }
            else if (line.StartsWith("bot:", StringComparison.Ordinal))
            {
                lines.Add(new TranscriptLine("exact", line[4..].Trim(), number));
            }
            else
            {
                throw new FormatException($"{name} line {number}: unknown line \"{line}\".");
            }
        }

        return new Transcript(given, lines);
    }

    /// <summary>Plays the transcript through a transport.</summary>
    public async Task PlayAsync(ITranscriptTransport transport, string name)
    {
        var pending = new Queue<string>();
        foreach (var line in Lines)
        {
            switch (line.Kind)
            {
                case "user":
                    Assert.True(pending.Count == 0, $"{name} line {line.Number}: the bot also said \"{(pending.Count > 0 ? pending.Peek() : null)}\" before this line");
                    foreach (var reply in await transport.SendAsync(line.Text))
                    {
                        pending.Enqueue(reply);
                    }

                    break;
                case "advance":
                    transport.Advance(TimeSpan.FromHours(double.Parse(line.Text, CultureInfo.InvariantCulture)));
                    break;
                case "skip":
                    pending.Clear();
                    break;
                default:
                    Assert.True(pending.Count > 0, $"{name} line {line.Number}: expected a bot reply (\"{line.Text}\") but there was none");
                    var said = pending.Dequeue();
                    var ok = line.Kind == "exact" ? said == line.Text : ContainsInOrder(said, line.Text);
                    Assert.True(ok, $"{name} line {line.Number}: expected \"{line.Text}\" but the bot said \"{said}\"");
                    break;
            }
        }

        Assert.True(pending.Count == 0, $"{name}: at the end the bot also said \"{(pending.Count > 0 ? pending.Peek() : null)}\"");
    }

    /// <summary>True when the reply holds every fragment of <c>bot~ a ... b</c>, in that order.</summary>
    private static bool ContainsInOrder(string said, string fragments)
    {
        var from = 0;
        foreach (var fragment in fragments.Split(" ... "))
        {
            var at = said.IndexOf(fragment, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return false;
            }

            from = at + fragment.Length;
        }

        return true;
    }
}

/// <summary>One transcript line.</summary>
public sealed record TranscriptLine(string Kind, string Text, int Number);
