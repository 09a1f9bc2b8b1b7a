using CoachBot.Protocol.Schema;

namespace CoachBot.Conversation.Choices;

/// <summary>An option of a choice prompt. Titles and synonyms come from content/.</summary>
public sealed class Choice
{
    public Choice()
    {
    }

    public Choice(string value, params string[] synonyms)
    {
        Value = value;
        Synonyms = synonyms.Length == 0 ? null : [.. synonyms];
    }

    /// <summary>The value returned when chosen (also the button title unless <see cref="Action"/> is set).</summary>
    public string Value { get; set; } = string.Empty;

    /// <summary>The button to render; by default an imBack with <see cref="Value"/>.</summary>
    public CardAction? Action { get; set; }

    /// <summary>Other words that select this choice.</summary>
    public List<string>? Synonyms { get; set; }
}
