using CoachBot.Conversation.Choices;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;

namespace CoachBot.Conversation.Prompts;

/// <summary>
/// Asks a yes/no question. With <see cref="PromptOptions.Choices"/> (yes first, no second; labels from content/)
/// it shows buttons and also accepts their titles and "1"/"2".
/// </summary>
public sealed class ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null) : Prompt<bool>(dialogId, validator)
{
    /// <inheritdoc />
    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var text = PromptInput.GetText(turnContext.Activity, options.SubmitField);
        if (ConfirmRecognizer.TryRecognize(text, out var value))
        {
            return Task.FromResult(PromptRecognizerResult.Success<bool>(value));
        }

        if (options.Choices is { Count: 2 } choices)
        {
            var found = ChoiceRecognizer.Recognize(text, choices);
            if (found.Count == 1)
            {
                return Task.FromResult(PromptRecognizerResult.Success<bool>(found[0].Index == 0));
            }
        }

        return Task.FromResult(PromptRecognizerResult.Failure<bool>());
    }

    /// <inheritdoc />
    protected override void DecoratePrompt(ITurnContext turnContext, Activity prompt, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Choices is { Count: > 0 } choices)
        {
            ChoiceRendering.Apply(prompt, choices, options.Style, turnContext.Activity);
        }
    }
}
