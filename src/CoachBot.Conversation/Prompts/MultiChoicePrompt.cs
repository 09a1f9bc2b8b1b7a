using CoachBot.Conversation.Choices;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;

namespace CoachBot.Conversation.Prompts;

/// <summary>Asks the user to pick one or more choices ("ache and stiffness", "1, 3", "the first and the last").</summary>
public sealed class MultiChoicePrompt(string dialogId, PromptValidator<IReadOnlyList<FoundChoice>>? validator = null) : Prompt<IReadOnlyList<FoundChoice>>(dialogId, validator)
{
    /// <inheritdoc />
    protected override Task<PromptRecognizerResult<IReadOnlyList<FoundChoice>>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var found = ChoiceRecognizer.Recognize(PromptInput.GetText(turnContext.Activity, options.SubmitField), options.Choices ?? [], allowMultiple: true);
        return Task.FromResult(found.Count > 0 ? PromptRecognizerResult.Success<IReadOnlyList<FoundChoice>>(found) : PromptRecognizerResult.Failure<IReadOnlyList<FoundChoice>>());
    }

    /// <inheritdoc />
    protected override void DecoratePrompt(ITurnContext turnContext, Activity prompt, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        ChoiceRendering.Apply(prompt, options.Choices ?? [], options.Style, turnContext.Activity);
    }
}
