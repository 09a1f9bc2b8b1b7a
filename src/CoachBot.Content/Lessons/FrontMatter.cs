namespace CoachBot.Content;

/// <summary>
/// Reads the small YAML subset used in lesson front matter: <c>key: value</c> lines, quoted or not,
/// and lists written inline (<c>[a, b]</c>) or as <c>- item</c> lines under a key.
/// </summary>
internal static class FrontMatter
{
    /// <summary>Splits a document into its front matter fields and body.</summary>
    /// <exception cref="ContentException">The front matter is missing or malformed; the message names the file and line.</exception>
    public static (Dictionary<string, List<string>> Fields, string Body) Split(string fileName, string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
        if (!normalized.StartsWith("---\n", StringComparison.Ordinal))
        {
            throw new ContentException($"Lesson '{fileName}': the file must start with a '---' front matter line.");
        }

        var close = normalized.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        var closeAtEnd = normalized.EndsWith("\n---", StringComparison.Ordinal) ? normalized.Length - 4 : -1;
        if (close < 0 && closeAtEnd < 0)
        {
            throw new ContentException($"Lesson '{fileName}': the front matter has no closing '---' line.");
        }

        var end = close >= 0 ? close : closeAtEnd;
        var header = normalized[4..end];
        var body = close >= 0 ? normalized[(close + 5)..] : string.Empty;
        return (ParseFields(fileName, header), body.Trim('\n'));
    }

    private static Dictionary<string, List<string>> ParseFields(string fileName, string header)
    {
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? openList = null;
        var lineNumber = 1;
        foreach (var rawLine in header.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd();
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("- ", StringComparison.Ordinal) && openList is not null && line.Length > trimmed.Length)
            {
                openList.Add(Unquote(trimmed[2..].Trim()));
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || char.IsWhiteSpace(line[0]))
            {
                throw new ContentException($"Lesson '{fileName}' front matter line {lineNumber}: expected 'key: value', got '{line}'.");
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (fields.ContainsKey(key))
            {
                throw new ContentException($"Lesson '{fileName}' front matter line {lineNumber}: '{key}' appears twice.");
            }

            var values = new List<string>();
            fields[key] = values;
            openList = null;
            if (value.Length == 0)
            {
                openList = values;
            }
            else if (value.StartsWith('['))
            {
                if (!value.EndsWith(']'))
                {
                    throw new ContentException($"Lesson '{fileName}' front matter line {lineNumber}: the list for '{key}' has no closing ']'.");
                }

                values.AddRange(value[1..^1].Split(',').Select(v => Unquote(v.Trim())).Where(v => v.Length > 0));
            }
            else
            {
                values.Add(Unquote(value));
            }
        }

        return fields;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && ((value[0] == '"' && value[^1] == '"') || (value[0] == '\'' && value[^1] == '\''))
            ? value[1..^1]
            : value;
}
