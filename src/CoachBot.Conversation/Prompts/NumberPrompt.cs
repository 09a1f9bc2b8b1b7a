using System.Numerics;
using CoachBot.Conversation.Choices;
using CoachBot.Protocol.Turns;

namespace CoachBot.Conversation.Prompts;

/// <summary>
/// Asks for a number ("6", "six", "6/10", "about a 7", "7.5" when <typeparamref name="T"/> allows decimals).
/// Integer types reject fractions; answers outside [<see cref="Min"/>, <see cref="Max"/>] are not recognised,
/// so they get the retry prompt.
/// </summary>
/// <typeparam name="T">int, long, double, decimal...</typeparam>
public sealed class NumberPrompt<T>(string dialogId, PromptValidator<T>? validator = null) : Prompt<T>(dialogId, validator)
    where T : struct, INumber<T>
{
    /// <summary>Smallest accepted value (inclusive), or null.</summary>
    public T? Min { get; init; }

    /// <summary>Largest accepted value (inclusive), or null.</summary>
    public T? Max { get; init; }

    /// <inheritdoc />
    protected override Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var text = PromptInput.GetText(turnContext.Activity, options.SubmitField);
        return Task.FromResult(TryConvert(text, out var value) ? PromptRecognizerResult.Success<T>(value) : PromptRecognizerResult.Failure<T>());
    }

    /// <summary>Recognises and range-checks a number (exposed for table tests).</summary>
    public bool TryConvert(string? text, out T value)
    {
        value = default;
        if (!NumberRecognizer.TryRecognize(text, out var number))
        {
            return false;
        }

        T candidate;
        try
        {
            candidate = T.CreateChecked(number);
        }
        catch (OverflowException)
        {
            return false;
        }

        if (decimal.CreateTruncating(candidate) != number)
        {
            return false; // a fraction for an integer type
        }

        if ((Min is { } min && candidate < min) || (Max is { } max && candidate > max))
        {
            return false;
        }

        value = candidate;
        return true;
    }
}
