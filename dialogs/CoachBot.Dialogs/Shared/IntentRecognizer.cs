namespace CoachBot.Dialogs.Shared;

/// <summary>Recognises commands in a message (recognizer word lists, not patient text).</summary>
internal static class IntentRecognizer
{
    private static readonly (Intent Intent, string[] Phrases)[] Table =
    [
        (Intent.Help, ["help", "?", "menu", "what can you do"]),
        (Intent.Stop, ["stop", "cancel", "quit", "pause my check ins", "unsubscribe"]),
        (Intent.Start, ["start", "restart", "resume", "start again"]),
        (Intent.CheckIn, ["check in", "checkin", "check-in", "check in now"]),
        (Intent.Progress, ["my progress", "progress", "how am i doing"]),
        (Intent.WhyItHurts, ["why does it hurt", "why does my back hurt", "why do i hurt", "why is it hurting"]),
        (Intent.Learn, ["learn", "lessons", "lesson", "read", "teach me"]),
        (Intent.FlareUpPlan, ["flare-up plan", "flare up plan", "flareup plan"]),
        (Intent.FlareUpReport, ["flare-up", "flare up", "flareup", "flaring", "flared up", "flare"]),
        (Intent.TalkToCoach, ["talk to a coach", "speak to a coach", "talk to coach", "coach", "a human", "a person", "real person"]),
    ];

    /// <summary>Whole-message commands ("help", "stop") that interrupt any dialog.</summary>
    public static Intent RecognizeCommand(string? text)
    {
        var normal = Normalize(text);
        foreach (var (intent, phrases) in Table.Where(t => t.Intent is Intent.Help or Intent.Stop))
        {
            if (phrases.Any(p => normal == p))
            {
                return intent;
            }
        }

        return Intent.None;
    }

    /// <summary>The first intent whose phrase the message contains (exact phrases win over words inside).</summary>
    public static Intent Recognize(string? text)
    {
        var normal = Normalize(text);
        if (normal.Length == 0)
        {
            return Intent.None;
        }

        foreach (var (intent, phrases) in Table)
        {
            if (phrases.Any(p => normal == p))
            {
                return intent;
            }
        }

        foreach (var (intent, phrases) in Table)
        {
            if (phrases.Any(p => p.Length > 3 && (" " + normal + " ").Contains(" " + p + " ", StringComparison.Ordinal)))
            {
                return intent;
            }
        }

        return Intent.None;
    }

    private static string Normalize(string? text) =>
        string.Join(' ', (text ?? string.Empty).ToLowerInvariant().Replace('\u2019', '\'').Split([' ', '.', '!', ','], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
