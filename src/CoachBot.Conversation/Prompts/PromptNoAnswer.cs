namespace CoachBot.Conversation.Prompts;

/// <summary>
/// The result of a prompt that ran out of attempts. The calling step checks
/// <c>stepContext.IsNoAnswer</c> (or <c>Result is PromptNoAnswer</c>) and decides what to do.
/// </summary>
public sealed class PromptNoAnswer
{
    private PromptNoAnswer()
    {
    }

    /// <summary>The single instance.</summary>
    public static PromptNoAnswer Instance { get; } = new();

    /// <summary>How many answers were tried.</summary>
    public override string ToString() => "(no answer)";
}
