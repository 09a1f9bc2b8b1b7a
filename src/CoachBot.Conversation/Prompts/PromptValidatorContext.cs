using CoachBot.Protocol.Turns;

namespace CoachBot.Conversation.Prompts;

/// <summary>What a prompt validator sees.</summary>
public sealed class PromptValidatorContext<T>
{
    internal PromptValidatorContext(ITurnContext context, PromptRecognizerResult<T> recognized, PromptOptions options, int attemptCount)
    {
        Context = context;
        Recognized = recognized;
        Options = options;
        AttemptCount = attemptCount;
    }

    /// <summary>The turn (a validator may send its own message; the retry prompt is then skipped).</summary>
    public ITurnContext Context { get; }

    /// <summary>The recogniser's result.</summary>
    public PromptRecognizerResult<T> Recognized { get; }

    /// <summary>The prompt's options.</summary>
    public PromptOptions Options { get; }

    /// <summary>Answers so far, including this one (1 on the first answer).</summary>
    public int AttemptCount { get; }
}

/// <summary>Decides whether a recognised answer is acceptable.</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);
