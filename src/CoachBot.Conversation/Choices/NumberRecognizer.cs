using System.Globalization;

namespace CoachBot.Conversation.Choices;

/// <summary>
/// Finds the one number in an answer: digits ("6", "7.5", "-1"), words ("six", "ten", "twenty one"),
/// scores ("6/10", "6 out of 10" give 6) and hedges ("about a 7", "seven and a half"). Answers with two
/// different numbers ("5 or 6") are ambiguous and not recognised.
/// </summary>
public static class NumberRecognizer
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    /// <summary>Recognises the single number in <paramref name="text"/>.</summary>
    public static bool TryRecognize(string? text, out decimal value)
    {
        value = 0;
        var tokens = TextTokens.Tokenize(text);
        var numbers = new List<(decimal Value, int End)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!TryReadNumber(tokens, i, out var number, out var end))
            {
                continue;
            }

            // "and a half" / "and half"
            if (end + 2 < tokens.Count && tokens[end + 1] == "and" && tokens[end + 2] == "a" && end + 3 < tokens.Count && tokens[end + 3] == "half")
            {
                number += 0.5m;
                end += 3;
            }
            else if (end + 2 < tokens.Count && tokens[end + 1] == "and" && tokens[end + 2] == "half")
            {
                number += 0.5m;
                end += 2;
            }

            numbers.Add((number, end));

            // Skip a denominator: "6/10", "6 out of 10", "6 of 10".
            var next = end + 1;
            if (next < tokens.Count && tokens[next] == "/")
            {
                next++;
            }
            else if (next + 1 < tokens.Count && tokens[next] == "out" && tokens[next + 1] == "of")
            {
                next += 2;
            }
            else if (next < tokens.Count && tokens[next] == "of")
            {
                next++;
            }
            else
            {
                i = end;
                continue;
            }

            i = next < tokens.Count && TryReadNumber(tokens, next, out _, out var denominatorEnd) ? denominatorEnd : end;
        }

        var distinct = numbers.Select(n => n.Value).Distinct().ToList();
        if (distinct.Count != 1)
        {
            return false;
        }

        value = distinct[0];
        return true;
    }

    private static bool TryReadNumber(List<string> tokens, int index, out decimal value, out int end)
    {
        var token = tokens[index];
        end = index;
        if (decimal.TryParse(token, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        if (Tens.TryGetValue(token, out var tens))
        {
            value = tens;
            if (index + 1 < tokens.Count && Units.TryGetValue(tokens[index + 1], out var unit) && unit is > 0 and < 10)
            {
                value += unit;
                end = index + 1;
            }

            return true;
        }

        if (Units.TryGetValue(token, out var small))
        {
            value = small;
            return true;
        }

        return false;
    }
}
