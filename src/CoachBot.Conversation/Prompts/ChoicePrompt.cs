using CoachBot.Conversation.Choices;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;

namespace CoachBot.Conversation.Prompts;

/// <summary>Asks the user to pick one of <see cref="PromptOptions.Choices"/> (by words, synonym, ordinal or number).</summary>
public sealed class ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(dialogId, validator)
{
    /// <inheritdoc />
    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var found = ChoiceRecognizer.Recognize(PromptInput.GetText(turnContext.Activity, options.SubmitField), options.Choices ?? []);
        return Task.FromResult(found.Count == 1 ? PromptRecognizerResult.Success<FoundChoice>(found[0]) : PromptRecognizerResult.Failure<FoundChoice>());
    }

    /// <inheritdoc />
    protected override void DecoratePrompt(ITurnContext turnContext, Activity prompt, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        ChoiceRendering.Apply(prompt, options.Choices ?? [], options.Style, turnContext.Activity);
    }
}
