using System.Text.Json;
using CoachBot.Conversation.Choices;
using CoachBot.Protocol.Schema;

namespace CoachBot.Conversation.Prompts;

/// <summary>What a prompt says and accepts. All texts are passed in by the caller (from content/).</summary>
public sealed class PromptOptions
{
    /// <summary>The question.</summary>
    public Activity? Prompt { get; set; }

    /// <summary>Sent after an answer that was not understood or not valid (falls back to <see cref="Prompt"/>).</summary>
    public Activity? RetryPrompt { get; set; }

    /// <summary>The options of a choice prompt; for a confirm prompt, optional yes/no buttons (yes first).</summary>
    public List<Choice>? Choices { get; set; }

    /// <summary>How the choices are shown. Default <see cref="ListStyle.Auto"/>.</summary>
    public ListStyle Style { get; set; } = ListStyle.Auto;

    /// <summary>Free data for validators.</summary>
    public JsonElement? Validations { get; set; }

    /// <summary>
    /// Answers accepted before the prompt gives up and ends with <see cref="PromptNoAnswer"/>.
    /// Default (null): the prompt's <see cref="Prompt{T}.DefaultMaxAttempts"/>.
    /// </summary>
    public int? MaxAttempts { get; set; }

    /// <summary>
    /// The field of a card submit's <c>value</c> that holds the answer. When unset, a value with a single
    /// field (besides <c>msteams</c>) is used, else a field named <c>value</c>, <c>answer</c> or <c>text</c>.
    /// </summary>
    public string? SubmitField { get; set; }
}
