using System.Globalization;
using System.Text;

namespace CoachBot.Conversation.Choices;

/// <summary>Lower-cases and splits user text into word tokens (letters and digits; a decimal point, a leading minus and apostrophes inside words are kept; '/' is its own token).</summary>
internal static class TextTokens
{
    public static List<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return tokens;
        }

        var current = new StringBuilder();
        var lower = text.ToLower(CultureInfo.InvariantCulture);
        for (var i = 0; i < lower.Length; i++)
        {
            var c = lower[i];
            var keep = char.IsLetterOrDigit(c)
                || (c == '.' && current.Length > 0 && char.IsDigit(current[^1]) && i + 1 < lower.Length && char.IsDigit(lower[i + 1]))
                || (c == '\'' && current.Length > 0 && i + 1 < lower.Length && char.IsLetter(lower[i + 1]))
                || (c == '-' && current.Length == 0 && i + 1 < lower.Length && char.IsDigit(lower[i + 1]) && (i == 0 || !char.IsLetterOrDigit(lower[i - 1])));
            if (keep)
            {
                current.Append(c);
                continue;
            }

            Flush(current, tokens);
            if (c == '/')
            {
                tokens.Add("/");
            }
        }

        Flush(current, tokens);
        return tokens;
    }

    private static void Flush(StringBuilder current, List<string> tokens)
    {
        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
            current.Clear();
        }
    }
}
