using System.Collections.Frozen;

namespace CoachBot.Testing.Readability;

/// <summary>
/// Counts English syllables with vowel groups plus the usual corrections: silent final e, silent
/// "-es" and "-ed", "-le" endings, vowel pairs that are spoken as two syllables ("radio", "usual"),
/// initialisms ("GP" = 2) and numbers (spelt out; long numbers read digit by digit, as phone numbers
/// are). A short list of exceptions covers common words the rules get wrong.
/// </summary>
public static class SyllableCounter
{
    private static readonly FrozenDictionary<string, int> Exceptions = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["anyone"] = 3, ["everyone"] = 3, ["someone"] = 2, ["people"] = 2, ["every"] = 2, ["everything"] = 3,
        ["everybody"] = 4, ["everyday"] = 3, ["maybe"] = 2, ["recipe"] = 3, ["area"] = 3, ["areas"] = 3,
        ["idea"] = 3, ["ideas"] = 3, ["ideal"] = 3, ["create"] = 2, ["created"] = 3, ["react"] = 2,
        ["business"] = 2, ["evening"] = 2, ["different"] = 3, ["being"] = 2, ["coach"] = 1, ["coaches"] = 2,
        ["poem"] = 2, ["fluid"] = 2, ["ruin"] = 2, ["cruel"] = 2, ["fluent"] = 2, ["science"] = 2,
        ["real"] = 1, ["really"] = 2, ["naive"] = 2, ["video"] = 3, ["theory"] = 3, ["chaos"] = 2,
        ["lion"] = 2, ["quiet"] = 2, ["diet"] = 2, ["via"] = 2, ["toward"] = 2, ["towards"] = 2,
        ["whether"] = 2, ["there"] = 1, ["where"] = 1, ["here"] = 1, ["were"] = 1, ["one"] = 1, ["once"] = 1,
        ["done"] = 1, ["gone"] = 1, ["none"] = 1, ["give"] = 1, ["live"] = 1, ["have"] = 1, ["come"] = 1,
        ["some"] = 1, ["sure"] = 1, ["eye"] = 1, ["eyes"] = 1, ["fire"] = 1, ["tired"] = 2, ["hour"] = 1,
        ["hours"] = 1, ["our"] = 1, ["ok"] = 2, ["okay"] = 2, ["email"] = 2, ["online"] = 2, ["smartphone"] = 2,
        ["rehab"] = 2, ["element"] = 3, ["elements"] = 3,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Spoken syllables of 0-19 and of the tens 20-90.
    private static readonly int[] Small = [2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2];
    private static readonly int[] Tens = [0, 0, 2, 2, 2, 2, 2, 3, 2, 2];

    /// <summary>Counts the syllables of one token (a word, a number or a hyphen/slash-joined compound).</summary>
    public static int Count(string token)
    {
        if (token.IndexOfAny(['-', '/']) >= 0)
        {
            return token.Split(['-', '/'], StringSplitOptions.RemoveEmptyEntries).Sum(Count);
        }

        if (token.Length == 0)
        {
            return 0;
        }

        if (token.All(char.IsAsciiDigit))
        {
            return CountNumber(token);
        }

        if (token.Length is >= 2 and <= 4 && token.All(char.IsAsciiLetterUpper) && !Exceptions.ContainsKey(token.ToLowerInvariant()))
        {
            // An initialism such as "GP" or "NHS" is read letter by letter; "W" has three syllables.
            return token.Sum(c => c == 'W' ? 3 : 1);
        }

        var word = new string([.. token.ToLowerInvariant().Where(char.IsLetter)]);
        var hasNegativeContraction = token.EndsWith("n't", StringComparison.OrdinalIgnoreCase)
            || token.EndsWith("n’t", StringComparison.OrdinalIgnoreCase);
        if (word.Length == 0)
        {
            return CountDigits(token);
        }

        var count = CountWord(word);
        if (hasNegativeContraction && word.Length > 3 && !IsVowel(word, word.Length - 3))
        {
            // "didn't", "couldn't": the n't adds a syllable after a consonant (not in "don't", "can't").
            count++;
        }

        return count;
    }

    private static int CountWord(string word)
    {
        if (Exceptions.TryGetValue(word, out var known))
        {
            return known;
        }

        if (word.Length <= 3)
        {
            return 1;
        }

        var count = CountVowelGroups(word);
        count += CountSplitPairs(word);
        count -= CountSilentEndings(word, count);
        count -= CountSilentInnerE(word);
        return Math.Max(1, count);
    }

    private static int CountVowelGroups(string word)
    {
        var groups = 0;
        var inGroup = false;
        for (var i = 0; i < word.Length; i++)
        {
            var vowel = IsVowel(word, i);
            if (vowel && !inGroup)
            {
                groups++;
            }

            inGroup = vowel;
        }

        return groups;
    }

    // Vowel pairs that usually belong to two syllables: ra-di-o, u-su-al, Aus-tra-li-a, vi-de-o, try-ing.
    private static int CountSplitPairs(string word)
    {
        var extra = 0;
        for (var i = 1; i < word.Length - 1; i++)
        {
            var a = word[i];
            var b = word[i + 1];
            var before = word[i - 1];
            var split = (a, b) switch
            {
                ('i', 'a') => before is not ('c' or 't' or 's' or 'g'),
                ('i', 'o') => before is not ('c' or 't' or 's' or 'g' or 'x'),
                ('i', 'u') => true,
                ('u', 'a') => before is not ('q' or 'g'),
                ('u', 'o') => before is not 'q',
                ('e', 'o') => true,
                ('i', 'e') => SplitsIe(word, i),
                ('y', _) => IsVowel(word, i) && IsPlainVowel(b),
                _ => false,
            };
            if (split && IsVowel(word, i) && IsVowel(word, i + 1))
            {
                extra++;
            }
        }

        if (word.Length > 4 && (word.EndsWith("ing", StringComparison.Ordinal) || word.EndsWith("ings", StringComparison.Ordinal)))
        {
            // "going", "doing", "seeing": a vowel right before "ing" starts its own syllable.
            var at = word.EndsWith('s') ? word.Length - 5 : word.Length - 4;
            if (at >= 0 && IsPlainVowel(word[at]) && word[at] != 'u')
            {
                extra++;
            }
        }

        return extra;
    }

    // qui-et, di-et, cli-ent, sci-ence, eas-i-er; but piece, field, tried, pa-tient.
    private static bool SplitsIe(string word, int i)
    {
        var before = word[i - 1];
        if (before is 'c' or 't')
        {
            return false;
        }

        var rest = word[(i + 2)..];
        return rest.StartsWith('t') || rest.StartsWith("nt", StringComparison.Ordinal)
            || rest.StartsWith("nce", StringComparison.Ordinal) || rest is "r" or "rs" or "st";
    }

    private static int CountSilentEndings(string word, int count)
    {
        if (count <= 1)
        {
            return 0;
        }

        var n = word.Length;
        if (word[^1] == 'e' && !IsVowel(word, n - 2))
        {
            // "-le" after a consonant other than l or r is spoken: ta-ble, lit-tle, han-dle.
            var spokenLe = word[^2] == 'l' && n >= 3 && IsSpokenLeConsonant(word[^3]);
            return spokenLe ? 0 : 1;
        }

        if (n >= 4 && word.EndsWith("es", StringComparison.Ordinal) && !IsVowel(word, n - 3))
        {
            var spoken = word[^3] is 's' or 'x' or 'z' or 'c' or 'g'
                || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)
                || (word[^3] == 'l' && IsSpokenLeConsonant(word[^4]));
            return spoken ? 0 : 1;
        }

        if (n >= 4 && word.EndsWith("ed", StringComparison.Ordinal) && !IsVowel(word, n - 3))
        {
            var spoken = word[^3] is 't' or 'd' || (word[^3] == 'l' && IsSpokenLeConsonant(word[^4]));
            return spoken ? 0 : 1;
        }

        return 0;
    }

    // move-ment, safe-ly, care-ful, hope-less, some-times: an e between a consonant and a suffix is silent.
    private static int CountSilentInnerE(string word)
    {
        if (word.Length > 5 && word.StartsWith("some", StringComparison.Ordinal))
        {
            return 1;
        }

        foreach (var suffix in (ReadOnlySpan<string>)["ments", "ment", "ly", "ful", "less", "ness"])
        {
            if (word.Length < suffix.Length + 3 || !word.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var e = word.Length - suffix.Length - 1;
            if (e >= 2 && word[e] == 'e' && !IsVowel(word, e - 1) && HasVowelBefore(word, e - 1))
            {
                var spokenLe = word[e - 1] == 'l' && IsSpokenLeConsonant(word[e - 2]);
                return spokenLe ? 0 : 1;
            }

            return 0;
        }

        return 0;
    }

    private static bool HasVowelBefore(string word, int end)
    {
        for (var i = 0; i < end; i++)
        {
            if (IsVowel(word, i))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSpokenLeConsonant(char c) => !IsPlainVowel(c) && c is not ('l' or 'r' or 'y' or 'w');

    private static bool IsPlainVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    // y is a vowel after a consonant (hap-py, try), and a consonant at the start or after a vowel (yes, be-yond).
    private static bool IsVowel(string word, int i)
    {
        if (i < 0 || i >= word.Length)
        {
            return false;
        }

        var c = word[i];
        if (IsPlainVowel(c))
        {
            return true;
        }

        return c == 'y' && i > 0 && !IsPlainVowel(word[i - 1]);
    }

    private static int CountNumber(string digits)
    {
        if (digits.Length > 1 && digits[0] == '0')
        {
            return CountDigits(digits);
        }

        switch (digits.Length)
        {
            case 1:
            case 2:
                var value = int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
                return value < 20 ? Small[value] : Tens[value / 10] + (value % 10 == 0 ? 0 : Small[value % 10]);
            case 3 when digits[1..] == "00":
                return Small[digits[0] - '0'] + 2;
            case 4 when digits[1..] == "000":
                return Small[digits[0] - '0'] + 2;
            default:
                return CountDigits(digits);
        }
    }

    private static int CountDigits(string text) => text.Where(char.IsAsciiDigit).Sum(d => Small[d - '0']);
}
