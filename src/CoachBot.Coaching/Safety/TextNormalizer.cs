using System.Globalization;
using System.Text;

namespace CoachBot.Coaching.Safety;

/// <summary>
/// Turns text into comparable tokens: lowercase, accents and apostrophes removed (don't → dont), other
/// punctuation as spaces, simple digit-for-letter swaps undone (su1c1de → suicide), runs of three or more of one
/// letter cut to two (killll → kill, sooo → soo), then single-word rewrites from the lexicon. <see cref="Read"/> also
/// says which clause each token is in (a clause ends at . ! ? ; , or a new line).
/// </summary>
internal static class TextNormalizer
{
    private const char ClauseBreak = '\u00B6';

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoRewrites =
        new Dictionary<string, IReadOnlyList<string>>();

    public static IReadOnlyList<string> Tokens(string? text) => Tokens(text, NoRewrites);

    public static IReadOnlyList<string> Tokens(string? text, IReadOnlyDictionary<string, IReadOnlyList<string>> rewrites) =>
        Read(text, rewrites).Select(t => t.Token).ToList();

    /// <summary>The tokens with the number of the clause each is in (0, 1, ...).</summary>
    public static List<(string Token, int Clause)> Read(string? text, IReadOnlyDictionary<string, IReadOnlyList<string>> rewrites)
    {
        var result = new List<(string, int)>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return result;
        }

        var clause = 0;
        foreach (var raw in Clean(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw[0] == ClauseBreak)
            {
                clause += result.Count > 0 ? 1 : 0;
                continue;
            }

            var token = Collapse(Unleet(raw));
            if (rewrites.TryGetValue(token, out var replacement))
            {
                result.AddRange(replacement.Select(r => (r, clause)));
            }
            else
            {
                result.Add((token, clause));
            }
        }

        return result;
    }

    /// <summary>Normalises one word the way <see cref="Tokens(string?)"/> does, without rewrites.</summary>
    public static string Word(string word) => string.Join(" ", Tokens(word));

    private static string Clean(string text)
    {
        // Lone surrogates (broken emoji from a channel) and the noncharacters U+FFFE/U+FFFF carry no words, so they
        // become spaces (Normalize throws on them). FormD splits accented letters into letter + mark (é → e + U+0301).
        var decomposed = ReplaceInvalidCodePoints(text.ToLowerInvariant()).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark || IsApostrophe(c))
            {
                continue;
            }

            if (c is '.' or '!' or '?' or ';' or ',' or '\n' or '\r')
            {
                builder.Append(' ').Append(ClauseBreak).Append(' ');
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) || c is '@' or '$' ? c : ' ');
        }

        return builder.ToString();
    }

    private static string ReplaceInvalidCodePoints(string text)
    {
        if (!text.Any(c => char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF'))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]) || chars[i] is '\uFFFE' or '\uFFFF')
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '`' or '\u00B4' or '\u02BC';

    private static string Unleet(string token)
    {
        if (!token.Any(char.IsLetter) || !token.Any(c => c is '0' or '1' or '3' or '4' or '5' or '@' or '$'))
        {
            return token.Replace("@", string.Empty, StringComparison.Ordinal).Replace("$", string.Empty, StringComparison.Ordinal);
        }

        var chars = token.Select(c => c switch
        {
            '0' => 'o',
            '1' => 'i',
            '3' => 'e',
            '4' or '@' => 'a',
            '5' or '$' => 's',
            _ => c,
        });
        return new string(chars.ToArray());
    }

    private static string Collapse(string token)
    {
        var builder = new StringBuilder(token.Length);
        foreach (var c in token)
        {
            var tripled = builder.Length >= 2 && builder[^1] == c && builder[^2] == c && char.IsLetter(c);
            if (!tripled)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
