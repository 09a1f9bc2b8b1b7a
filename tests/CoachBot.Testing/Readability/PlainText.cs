using System.Text;
using System.Text.RegularExpressions;

namespace CoachBot.Testing.Readability;

/// <summary>Turns Markdown or a message template into the plain text a reader sees, for scoring.</summary>
public static partial class PlainText
{
    /// <summary>
    /// Removes front matter, markup and placeholders. Every non-empty line is ended with a full stop
    /// when it has no ending punctuation, so headings and list items count as sentences.
    /// </summary>
    public static string FromMarkdown(string text)
    {
        var body = StripFrontMatter(text.Replace("\r\n", "\n", StringComparison.Ordinal));
        body = Image().Replace(body, "$1");
        body = Link().Replace(body, "$1");
        body = HtmlTag().Replace(body, " ");
        body = Placeholder().Replace(body, string.Empty);
        body = body.Replace("`", string.Empty, StringComparison.Ordinal);
        body = Emphasis().Replace(body, string.Empty);

        var result = new StringBuilder(body.Length + 16);
        foreach (var rawLine in body.Split('\n'))
        {
            var line = LineMarker().Replace(rawLine, string.Empty).Trim();
            if (line.Length == 0 || FenceOrRule().IsMatch(line))
            {
                continue;
            }

            result.Append(line);
            if (!EndsSentence(line))
            {
                result.Append('.');
            }

            result.Append('\n');
        }

        return result.ToString();
    }

    private static bool EndsSentence(string line)
    {
        var trimmed = line.TrimEnd('"', '\'', '”', '’', ')', ' ');
        return trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?';
    }

    private static string StripFrontMatter(string text)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            return text;
        }

        var end = text.IndexOf("\n---", 4, StringComparison.Ordinal);
        if (end < 0)
        {
            return text;
        }

        var afterFence = text.IndexOf('\n', end + 4);
        return afterFence < 0 ? string.Empty : text[(afterFence + 1)..];
    }

    [GeneratedRegex(@"!\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"<[^>\n]+>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\{[A-Za-z_][A-Za-z0-9_]*\}")]
    private static partial Regex Placeholder();

    // Bold/italic markers: runs of * anywhere, and _ runs that are not inside a word.
    [GeneratedRegex(@"\*+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])")]
    private static partial Regex Emphasis();

    // Heading hashes, block quotes, bullets and numbered-list markers at the start of a line.
    [GeneratedRegex(@"^\s*(?:#{1,6}\s+|>\s?|[-+•]\s+|\d{1,3}[.)]\s+)+")]
    private static partial Regex LineMarker();

    [GeneratedRegex(@"^(?:`{3,}|~{3,}|-{3,}|\*{3,}|_{3,})")]
    private static partial Regex FenceOrRule();
}
