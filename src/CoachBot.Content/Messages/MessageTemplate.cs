using System.Text;

namespace CoachBot.Content;

/// <summary>
/// One parsed message variant: literal text and <c>{placeholder}</c> slots. <c>{{</c> and <c>}}</c>
/// stand for literal braces. Placeholder names are lower snake case.
/// </summary>
internal sealed class MessageTemplate
{
    private readonly IReadOnlyList<(string Text, bool IsPlaceholder)> _parts;

    private MessageTemplate(string source, IReadOnlyList<(string Text, bool IsPlaceholder)> parts)
    {
        Source = source;
        _parts = parts;
        Placeholders = parts.Where(p => p.IsPlaceholder).Select(p => p.Text).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The text as written in the catalog.</summary>
    public string Source { get; }

    /// <summary>The distinct placeholder names used.</summary>
    public IReadOnlySet<string> Placeholders { get; }

    /// <summary>Parses a variant; returns null and an error text when the braces are malformed.</summary>
    public static MessageTemplate? TryParse(string source, out string? error)
    {
        var parts = new List<(string, bool)>();
        var literal = new StringBuilder();
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '{' && i + 1 < source.Length && source[i + 1] == '{')
            {
                literal.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < source.Length && source[i + 1] == '}')
            {
                literal.Append('}');
                i++;
            }
            else if (c == '{')
            {
                var close = source.IndexOf('}', i + 1);
                var name = close < 0 ? string.Empty : source[(i + 1)..close];
                if (!IsPlaceholderName(name))
                {
                    error = $"malformed placeholder at position {i}: use {{lower_snake_case}}, or {{{{ for a literal brace";
                    return null;
                }

                parts.Add((literal.ToString(), false));
                literal.Clear();
                parts.Add((name, true));
                i = close;
            }
            else if (c == '}')
            {
                error = $"unmatched '}}' at position {i}";
                return null;
            }
            else
            {
                literal.Append(c);
            }
        }

        parts.Add((literal.ToString(), false));
        error = null;
        return new MessageTemplate(source, [.. parts.Where(p => p.Item1.Length > 0 || p.Item2)]);
    }

    /// <summary>Fills the placeholders; <paramref name="missing"/> lists names without a value.</summary>
    public string Render(IReadOnlyDictionary<string, string>? args, out IReadOnlyList<string> missing)
    {
        var result = new StringBuilder(Source.Length + 32);
        var absent = new List<string>();
        foreach (var (text, isPlaceholder) in _parts)
        {
            if (!isPlaceholder)
            {
                result.Append(text);
            }
            else if (args is not null && args.TryGetValue(text, out var value) && value is not null)
            {
                result.Append(value);
            }
            else if (!absent.Contains(text))
            {
                absent.Add(text);
            }
        }

        missing = absent;
        return result.ToString();
    }

    private static bool IsPlaceholderName(string name) =>
        name.Length > 0 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
