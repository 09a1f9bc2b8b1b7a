using CoachBot.Content;
using CoachBot.Conversation.Choices;
using CoachBot.Conversation.Prompts;
using CoachBot.Protocol.Schema;

namespace CoachBot.Dialogs.Shared;

/// <summary>Builds prompt options from catalog keys, each option recognised by its word list (<see cref="WordLists"/>).</summary>
internal static class Ask
{
    public static PromptOptions Text(Texts texts, string key, string retryKey, params (string Name, string Value)[] args) => new()
    {
        Prompt = Activity.CreateMessage(texts.Get(key, args)),
        RetryPrompt = Activity.CreateMessage(texts.Get(retryKey)),
    };

    public static PromptOptions Choices(Texts texts, string key, string retryKey, IEnumerable<(string LabelKey, string? WordList)> options, params (string Name, string Value)[] args) => new()
    {
        Prompt = Activity.CreateMessage(texts.Get(key, args)),
        RetryPrompt = Activity.CreateMessage(texts.Get(retryKey)),
        Choices = [.. options.Select(o => new Choice(texts.Get(o.LabelKey), o.WordList is null ? [] : texts.Words(o.WordList)))],
    };

    public static PromptOptions YesNo(Texts texts, string key, params (string Name, string Value)[] args) =>
        Choices(texts, key, MessageKeys.Retry.YesNo, [(MessageKeys.Common.OptionYes, WordLists.Yes), (MessageKeys.Common.OptionNo, WordLists.No)], args);

    /// <summary>Yes, no or not sure; the retry text names all three, and "I don't know" or "no idea" count as not sure.</summary>
    public static PromptOptions YesNoNotSure(Texts texts, string key) =>
        Choices(texts, key, MessageKeys.Retry.YesNoNotSure, [(MessageKeys.Common.OptionYes, WordLists.Yes), (MessageKeys.Common.OptionNo, WordLists.No), (MessageKeys.Common.OptionNotSure, WordLists.NotSure)]);

    /// <summary>The index of the chosen option, or null when the prompt gave up.</summary>
    public static int? ChosenIndex(object? result) => result is FoundChoice found ? found.Index : null;
}
