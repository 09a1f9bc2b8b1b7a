namespace CoachBot.Conversation.Prompts;

/// <summary>Creates <see cref="PromptRecognizerResult{T}"/> values.</summary>
public static class PromptRecognizerResult
{
    /// <summary>A successful result.</summary>
    public static PromptRecognizerResult<T> Success<T>(T value) => new() { Succeeded = true, Value = value };

    /// <summary>A failed result.</summary>
    public static PromptRecognizerResult<T> Failure<T>() => new();
}
