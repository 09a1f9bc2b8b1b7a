using CoachBot.Conversation.Choices;
using CoachBot.Conversation.Prompts;
using CoachBot.Protocol.Schema;

namespace CoachBot.Dialogs.Shared;

/// <summary>Builds prompt options from catalog keys.</summary>
internal static class Ask
{
    public static PromptOptions Text(Texts texts, string key, string retryKey, params (string Name, string Value)[] args) => new()
    {
        Prompt = Activity.CreateMessage(texts.Get(key, args)),
        RetryPrompt = Activity.CreateMessage(texts.Get(retryKey)),
    };

    public static PromptOptions Choices(Texts texts, string key, string retryKey, IEnumerable<(string LabelKey, string[] Synonyms)> options, params (string Name, string Value)[] args) => new()
    {
        Prompt = Activity.CreateMessage(texts.Get(key, args)),
        RetryPrompt = Activity.CreateMessage(texts.Get(retryKey)),
        Choices = [.. options.Select(o => new Choice(texts.Get(o.LabelKey), o.Synonyms))],
    };

    public static PromptOptions YesNo(Texts texts, string key, params (string Name, string Value)[] args) =>
        Choices(texts, key, Keys.RetryYesNo, [(Keys.Yes, ["yes", "y", "yeah", "yep"]), (Keys.No, ["no", "n", "nope"])], args);

    public static PromptOptions YesNoNotSure(Texts texts, string key) =>
        Choices(texts, key, Keys.RetryYesNo, [(Keys.Yes, ["yes", "y", "yeah", "yep"]), (Keys.No, ["no", "n", "nope"]), (Keys.NotSure, ["unsure", "dont know", "maybe"])]);

    /// <summary>The index of the chosen option, or null when the prompt gave up.</summary>
    public static int? ChosenIndex(object? result) => result is FoundChoice found ? found.Index : null;
}
