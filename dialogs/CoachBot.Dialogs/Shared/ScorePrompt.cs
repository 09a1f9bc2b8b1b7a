using CoachBot.Conversation.Choices;
using CoachBot.Conversation.Prompts;
using CoachBot.Protocol.Turns;

namespace CoachBot.Dialogs.Shared;

/// <summary>
/// Asks for a 0-10 score: digits, words ("six"), "7/10", "about a 7". With <paramref name="notSureWords"/> (the
/// "not sure" word list), "not sure" or "don't know" is an answer too (value null); a number given with it wins
/// ("maybe a 6" is 6). Fractions round to the nearest whole number.
/// </summary>
internal sealed class ScorePrompt(string dialogId, IReadOnlyList<string>? notSureWords) : Prompt<ScoreAnswer>(dialogId)
{
    protected override Task<PromptRecognizerResult<ScoreAnswer>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = PromptInput.GetText(turnContext.Activity, options.SubmitField);
        return Task.FromResult(Recognize(text, notSureWords) is { } answer
            ? PromptRecognizerResult.Success(answer)
            : PromptRecognizerResult.Failure<ScoreAnswer>());
    }

    /// <summary>Recognises a score answer, or null; "not sure" only when <paramref name="notSureWords"/> is given.</summary>
    public static ScoreAnswer? Recognize(string? text, IReadOnlyList<string>? notSureWords)
    {
        if (!NumberRecognizer.TryRecognize(text, out var number))
        {
            return notSureWords is not null && text is not null && notSureWords.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase))
                ? new ScoreAnswer(null)
                : null;
        }

        if (number < 0 || number > 10)
        {
            return null;
        }

        return new ScoreAnswer((int)Math.Round(number, MidpointRounding.AwayFromZero));
    }
}
