using System.Text;

namespace CoachBot.Protocol.Diagnostics;

/// <summary>
/// Makes a client-supplied string (channel id, activity type or id, user id) safe to write into a log: control and
/// line-separator characters become <c>?</c>, so a value cannot start a fake log line, and it is cut to
/// <see cref="MaxLength"/> characters.
/// </summary>
public static class LogText
{
    /// <summary>Longest value written; longer ones end in <c>...</c>.</summary>
    public const int MaxLength = 64;

    /// <summary>The cleaned value; null stays null.</summary>
    public static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var length = Math.Min(value.Length, MaxLength);
        var clean = true;
        for (var i = 0; i < length; i++)
        {
            if (IsUnsafe(value[i]))
            {
                clean = false;
                break;
            }
        }

        if (clean && value.Length <= MaxLength)
        {
            return value;
        }

        var text = new StringBuilder(length + 3);
        for (var i = 0; i < length; i++)
        {
            text.Append(IsUnsafe(value[i]) ? '?' : value[i]);
        }

        return value.Length > MaxLength ? text.Append("...").ToString() : text.ToString();
    }

    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;
}
