using CoachBot.Protocol.Turns;

namespace CoachBot.Conversation.Prompts;

/// <summary>Asks for free text; a card submit's answer field counts as text.</summary>
public sealed class TextPrompt(string dialogId, PromptValidator<string>? validator = null) : Prompt<string>(dialogId, validator)
{
    /// <inheritdoc />
    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var text = PromptInput.GetText(turnContext.Activity, options.SubmitField);
        return Task.FromResult(string.IsNullOrWhiteSpace(text) ? PromptRecognizerResult.Failure<string>() : PromptRecognizerResult.Success<string>(text));
    }
}
