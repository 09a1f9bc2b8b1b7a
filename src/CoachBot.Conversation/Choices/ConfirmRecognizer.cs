namespace CoachBot.Conversation.Choices;

/// <summary>Recognises yes/no answers ("yes", "yeah", "yep", "sure", "ok", "y" / "no", "nope", "nah", "n"). Both at once is ambiguous.</summary>
public static class ConfirmRecognizer
{
    private static readonly HashSet<string> Yes = new(StringComparer.Ordinal)
    {
        "yes", "yeah", "yea", "yep", "yup", "ya", "yes's", "y", "sure", "ok", "okay", "okey", "k", "absolutely", "definitely", "certainly",
        "correct", "right", "affirmative", "aye", "alright", "true", "👍",
    };

    private static readonly HashSet<string> No = new(StringComparer.Ordinal)
    {
        "no", "nope", "nah", "n", "not", "never", "negative", "don't", "dont", "false", "nay", "👎",
    };

    /// <summary>True when the answer is clearly yes or clearly no.</summary>
    public static bool TryRecognize(string? text, out bool value)
    {
        value = false;
        var tokens = TextTokens.Tokenize(text);
        if (tokens.Count == 0 && text is not null)
        {
            tokens = [.. text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)];
        }

        var yes = tokens.Any(Yes.Contains);
        var no = tokens.Any(No.Contains);
        if (yes == no)
        {
            return false;
        }

        value = yes;
        return true;
    }
}
