namespace CoachBot.Conversation.Prompts;

/// <summary>What a prompt's recogniser made of the answer.</summary>
public sealed class PromptRecognizerResult<T>
{
    /// <summary>True when a value was recognised.</summary>
    public bool Succeeded { get; init; }

    /// <summary>The recognised value.</summary>
    public T? Value { get; init; }

}
