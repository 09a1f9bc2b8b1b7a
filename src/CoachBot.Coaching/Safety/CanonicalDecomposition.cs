using System.Text;

namespace CoachBot.Coaching.Safety;

/// <summary>
/// The canonical decomposition of text (Unicode NFD: é becomes e + U+0301) without ICU, which the host does not load
/// (it runs with invariant globalization, where <c>string.Normalize</c> cannot decompose).
/// Every character is replaced by its full decomposition, from a table generated from ICU's data
/// (<c>tools/unicode/generate-decompositions.cs</c>), and Hangul syllables by the Unicode algorithm. Combining marks
/// are not put into canonical order: the safety screen removes them, and nothing else reads them.
/// </summary>
internal static partial class CanonicalDecomposition
{
    private const int HangulFirst = 0xAC00;
    private const int HangulLast = 0xD7A3;
    private const int LeadBase = 0x1100;
    private const int VowelBase = 0x1161;
    private const int TrailBase = 0x11A7;
    private const int VowelCount = 21;
    private const int TrailCount = 28;

    // The first character with a decomposition is U+00C0 (À); text below it is returned as it is.
    private const char FirstDecomposable = '\u00C0';

    private static readonly Dictionary<int, string> Decompositions = Parse(Table);

    /// <summary>The text with every character replaced by its canonical decomposition.</summary>
    public static string Decompose(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.AsSpan().IndexOfAnyExceptInRange('\0', (char)(FirstDecomposable - 1));
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        builder.Append(text, 0, first);
        var span = text.AsSpan(first);
        while (!span.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(span, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                builder.Append(span[0]); // a lone surrogate stays as it is
                span = span[1..];
                continue;
            }

            Append(builder, rune);
            span = span[consumed..];
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, Rune rune)
    {
        var value = rune.Value;
        if (value is >= HangulFirst and <= HangulLast)
        {
            var index = value - HangulFirst;
            builder.Append((char)(LeadBase + (index / (VowelCount * TrailCount))));
            builder.Append((char)(VowelBase + (index % (VowelCount * TrailCount) / TrailCount)));
            if (index % TrailCount != 0)
            {
                builder.Append((char)(TrailBase + (index % TrailCount)));
            }
        }
        else if (value >= FirstDecomposable && Decompositions.TryGetValue(value, out var decomposition))
        {
            builder.Append(decomposition);
        }
        else
        {
            Span<char> chars = stackalloc char[2];
            builder.Append(chars[..rune.EncodeToUtf16(chars)]);
        }
    }

    private static Dictionary<int, string> Parse(string table)
    {
        var map = new Dictionary<int, string>(2100);
        foreach (var entry in table.Split('\uFFFF', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = Rune.GetRuneAt(entry, 0);
            map.Add(key.Value, entry[key.Utf16SequenceLength..]);
        }

        return map;
    }
}
