using CoachBot.Coaching.Programs;
using CoachBot.Content;
using CoachBot.Dialogs.CheckIn;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Turns;

namespace CoachBot.Dialogs.Onboarding;

/// <summary>Shows a starting plan: the exercises, the warm-up, the days in between, how often, and how to see a move.</summary>
internal static class PlanMessages
{
    /// <summary>
    /// Sends the plan. Its first line says the weights are light on purpose only for a first loaded step (less than a
    /// year of training, or not known); a patient who has trained for a year or more is told how it builds up instead.
    /// </summary>
    public static async Task SendAsync(DialogServices services, ITurnContext turn, PatientProgram program, TrainingExperience? experience, CancellationToken cancellationToken)
    {
        var texts = services.Texts;
        var bodyweight = program.Exercises.All(e => e.LoadKg <= 0);
        var lines = program.Exercises.Select(e => CheckInReply.ExerciseLine(texts, e.Id, e.Sets, e.Reps, e.LoadKg, MessageKeys.Training.StarterItem, MessageKeys.Prescription.ItemNoWeight));
        var intro = texts.Get(IntroKey(bodyweight, experience));
        await turn.SendActivityAsync(intro + "\n" + string.Join("\n", lines), cancellationToken).ConfigureAwait(false);
        await turn.SendActivityAsync(texts.Get(MessageKeys.Training.WarmUp) + " " + texts.Get(MessageKeys.Training.OtherDays), cancellationToken).ConfigureAwait(false);
        await turn.SendActivityAsync(texts.Get(MessageKeys.Training.StarterOutro) + " " + texts.Get(MessageKeys.Training.HowToHint), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The plan's first line: bodyweight, experienced, or the light first loaded step.</summary>
    public static string IntroKey(bool bodyweight, TrainingExperience? experience) =>
        bodyweight ? MessageKeys.Training.StarterIntroBodyweight
            : experience == TrainingExperience.AYearOrMore ? MessageKeys.Training.StarterIntroExperienced
            : MessageKeys.Training.StarterIntro;
}
