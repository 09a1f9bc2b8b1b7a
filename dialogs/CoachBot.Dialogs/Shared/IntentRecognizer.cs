namespace CoachBot.Dialogs.Shared;

/// <summary>Recognises commands in a message (recognizer word lists, not patient text).</summary>
internal static class IntentRecognizer
{
    /// <summary>A longer message is something the patient is telling, not a command (it is not taken over mid-dialog).</summary>
    private const int MaxCommandWords = 10;

    private static readonly string[] RemindLaterPhrases =
    [
        "remind me later", "remind me in", "remind me tonight", "remind me this evening", "remind me tomorrow", "remind me after",
        "remind me another time", "snooze", "check in later", "ask me later", "later please", "can we do this later",
    ];

    private static readonly string[] ChangeSchedulePhrases =
    [
        "change my time", "change my check in time", "change my check-in time", "change my checkin time", "change my days",
        "change my check in days", "change my check-in days", "change my schedule", "change the time", "change the days",
        "change my reminder time", "change when you check in", "reschedule",
        "move my check in", "move my check-in", "new check in time", "new check-in time", "change check in time", "change check-in time",
    ];

    private static readonly string[] HowToPhrases =
    [
        "how do i do", "how to do", "how do you do", "how should i do", "show me how",
    ];

    private static readonly string[] DoctorSaidYesPhrases =
    [
        "my doctor said yes", "doctor said yes", "my doctor said ok", "doctor said ok", "my doctor said it's ok", "doctor said it's ok",
        "my surgeon said yes", "surgeon said yes", "my surgeon said it's ok", "my doctor cleared me", "i've been cleared", "i have been cleared",
    ];

    private static readonly (Intent Intent, string[] Phrases)[] Table =
    [
        (Intent.RemindLater, RemindLaterPhrases),
        (Intent.ChangeSchedule, ChangeSchedulePhrases),
        (Intent.DoctorSaidYes, DoctorSaidYesPhrases),
        (Intent.HowTo, HowToPhrases),
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

    /// <summary>
    /// Commands that interrupt any dialog: "help" and "stop" as the whole message; "remind me later" and "change my
    /// check-in time" (and their common phrasings) anywhere in it.
    /// </summary>
    public static Intent RecognizeCommand(string? text)
    {
        var normal = Normalize(text);
        var shortMessage = normal.Split(' ').Length <= MaxCommandWords;
        foreach (var (intent, phrases) in Table.Where(t => shortMessage && t.Intent is Intent.RemindLater or Intent.ChangeSchedule))
        {
            if (phrases.Any(p => (" " + normal + " ").Contains(" " + p + " ", StringComparison.Ordinal)))
            {
                return intent;
            }
        }

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
        (text ?? string.Empty).Trim() == "?" ? "?" // "?" alone asks for help
            : string.Join(' ', (text ?? string.Empty).ToLowerInvariant().Replace('\u2019', '\'').Split([' ', '.', '!', ',', '?'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
