namespace CoachBot.Dialogs.Shared;

/// <summary>Recognises commands in a message by the intent word lists of content/vocabulary.</summary>
internal static class IntentRecognizer
{
    /// <summary>A longer message is something the patient is telling, not a command (it is not taken over mid-dialog).</summary>
    private const int MaxCommandWords = 10;

    /// <summary>Each intent and its word list (content/vocabulary), in the order they are tried.</summary>
    private static readonly (Intent Intent, string List)[] Table =
    [
        (Intent.RemindLater, WordLists.IntentRemindLater),
        (Intent.ChangeSchedule, WordLists.IntentChangeSchedule),
        (Intent.DoctorSaidYes, WordLists.IntentDoctorSaidYes),
        (Intent.HowTo, WordLists.IntentHowTo),
        (Intent.Help, WordLists.IntentHelp),
        (Intent.Stop, WordLists.IntentStop),
        (Intent.Start, WordLists.IntentStart),
        (Intent.CheckIn, WordLists.IntentCheckIn),
        (Intent.Progress, WordLists.IntentProgress),
        (Intent.WhyItHurts, WordLists.IntentWhyItHurts),
        (Intent.Learn, WordLists.IntentLearn),
        (Intent.FlareUpPlan, WordLists.IntentFlareUpPlan),
        (Intent.FlareUpReport, WordLists.IntentFlareUpReport),
        (Intent.TalkToCoach, WordLists.IntentTalkToCoach),
    ];

    /// <summary>
    /// Commands that interrupt any dialog: "help" and "stop" as the whole message; "remind me later" and "change my
    /// check-in time" (and their common phrasings) anywhere in it.
    /// </summary>
    public static Intent RecognizeCommand(Texts texts, string? text)
    {
        var normal = Normalize(text);
        var shortMessage = normal.Split(' ').Length <= MaxCommandWords;
        foreach (var (intent, phrases) in Phrases(texts).Where(t => shortMessage && t.Intent is Intent.RemindLater or Intent.ChangeSchedule))
        {
            if (phrases.Any(p => (" " + normal + " ").Contains(" " + p + " ", StringComparison.Ordinal)))
            {
                return intent;
            }
        }

        foreach (var (intent, phrases) in Phrases(texts).Where(t => t.Intent is Intent.Help or Intent.Stop))
        {
            if (phrases.Any(p => normal == p))
            {
                return intent;
            }
        }

        return Intent.None;
    }

    /// <summary>The first intent whose phrase the message contains (exact phrases win over words inside).</summary>
    public static Intent Recognize(Texts texts, string? text)
    {
        var normal = Normalize(text);
        if (normal.Length == 0)
        {
            return Intent.None;
        }

        var table = Phrases(texts);
        foreach (var (intent, phrases) in table)
        {
            if (phrases.Any(p => normal == p))
            {
                return intent;
            }
        }

        foreach (var (intent, phrases) in table)
        {
            if (phrases.Any(p => p.Length > 3 && (" " + normal + " ").Contains(" " + p + " ", StringComparison.Ordinal)))
            {
                return intent;
            }
        }

        return Intent.None;
    }

    private static IEnumerable<(Intent Intent, string[] Phrases)> Phrases(Texts texts) => Table.Select(t => (t.Intent, texts.Words(t.List)));

    private static string Normalize(string? text) =>
        (text ?? string.Empty).Trim() == "?" ? "?" // "?" alone asks for help
            : string.Join(' ', (text ?? string.Empty).ToLowerInvariant().Replace('\u2019', '\'').Split([' ', '.', '!', ',', '?'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
