using CoachBot.Content;
using CoachBot.Protocol.Schema;

namespace CoachBot.Dialogs.Shared;

/// <summary>Patient-facing text from the catalog (always the first variant, so conversations are repeatable), and the word lists answers are recognised by.</summary>
internal sealed class Texts(CoachBotContent content)
{
    public ContentCatalog Catalog => content.Messages;

    public string Get(string key, params (string Name, string Value)[] args) =>
        args.Length == 0 ? content.Messages.Get(key) : content.Messages.Format(key, args.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal));

    public string Get(string key, IReadOnlyDictionary<string, string> args) => content.Messages.Format(key, args);

    public Activity Message(string key, params (string Name, string Value)[] args) => Activity.CreateMessage(Get(key, args));

    /// <summary>The emergency number and crisis lines for a locale.</summary>
    public IReadOnlyDictionary<string, string> CrisisArgs(string? locale) => content.CrisisLines.ForLocale(locale).ToArguments(content.Messages);

    /// <summary>The words of a list in content/vocabulary (<see cref="WordLists"/>).</summary>
    public string[] Words(string list) => [.. content.Vocabulary.Words(list)];

    /// <summary>Just the emergency number for a locale.</summary>
    public string EmergencyNumber(string? locale) => content.CrisisLines.ForLocale(locale).EmergencyNumber;
}
