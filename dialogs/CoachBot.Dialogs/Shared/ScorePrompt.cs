using CoachBot.Conversation.Choices;
using CoachBot.Conversation.Prompts;
using CoachBot.Protocol.Turns;

namespace CoachBot.Dialogs.Shared;

/// <summary>
/// Asks for a 0-10 score: digits, words ("six"), "7/10", "about a 7". When <see cref="AllowNotSure"/> is on,
/// "not sure" or "don't know" is an answer too (value null). Fractions round to the nearest whole number.
/// </summary>
internal sealed class ScorePrompt(string dialogId, bool allowNotSure) : Prompt<ScoreAnswer>(dialogId)
{
    private static readonly string[] NotSureWords = ["not sure", "dont know", "don't know", "no idea", "unsure", "can't remember", "cant remember", "not certain"];

    public bool AllowNotSure => allowNotSure;

    protected override Task<PromptRecognizerResult<ScoreAnswer>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = PromptInput.GetText(turnContext.Activity, options.SubmitField);
        return Task.FromResult(Recognize(text, allowNotSure) is { } answer
            ? PromptRecognizerResult.Success(answer)
            : PromptRecognizerResult.Failure<ScoreAnswer>());
    }

    /// <summary>Recognises a score answer, or null.</summary>
    public static ScoreAnswer? Recognize(string? text, bool allowNotSure)
    {
        if (allowNotSure && text is not null && NotSureWords.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)))
        {
            return new ScoreAnswer(null);
        }

        if (!NumberRecognizer.TryRecognize(text, out var number) || number < 0 || number > 10)
        {
            return null;
        }

        return new ScoreAnswer((int)Math.Round(number, MidpointRounding.AwayFromZero));
    }
}
