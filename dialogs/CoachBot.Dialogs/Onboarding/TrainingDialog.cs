using System.Globalization;
using CoachBot.Coaching.Programs;
using CoachBot.Coaching.Screening;
using CoachBot.Conversation;
using CoachBot.Conversation.Waterfall;
using CoachBot.Dialogs.CheckIn;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Turns;

namespace CoachBot.Dialogs.Onboarding;

/// <summary>
/// The current training: the patient's own exercises and loads (one per message, until "That's all"), or the
/// starter program the core picks for the STarT Back risk group. Stages the program into the patient record.
/// </summary>
internal sealed class TrainingDialog : WaterfallDialog<TrainingState>
{
    private readonly DialogServices _services;

    public TrainingDialog(DialogServices services)
        : base(DialogIds.Training)
    {
        _services = services;
        AddStep(AskCurrentTrainingStepAsync);
        AddStep(RecordCurrentTrainingStepAsync);
        AddStep(RecordExerciseStepAsync);
    }

    private Texts Texts => _services.Texts;

    private Task<DialogTurnResult> AskCurrentTrainingStepAsync(WaterfallStepContext<TrainingState> step, CancellationToken cancellationToken)
    {
        var options = step.GetOptions<TrainingState>();
        if (options is { Continuing: true })
        {
            step.State.Exercises = options.Exercises;
            return step.NextAsync(true, cancellationToken);
        }

        return step.PromptAsync(DialogIds.Prompts.Choice, Ask.YesNo(Texts, Keys.TrainingAskCurrent), cancellationToken);
    }

    private async Task<DialogTurnResult> RecordCurrentTrainingStepAsync(WaterfallStepContext<TrainingState> step, CancellationToken cancellationToken)
    {
        if (step.Result is true)
        {
            return await step.PromptAsync(DialogIds.Prompts.Text, Ask.Choices(Texts, Keys.TrainingAskMore, Keys.RetryExercise, [(Keys.TrainingThatsAll, ["done", "no more", "thats all", "that is all"])]), cancellationToken).ConfigureAwait(false);
        }

        if (Ask.ChosenIndex(step.Result) == 0)
        {
            return await step.PromptAsync(DialogIds.Prompts.Text, Ask.Text(Texts, Keys.TrainingAskExercises, Keys.RetryExercise), cancellationToken).ConfigureAwait(false);
        }

        return await FinishAsync(step, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordExerciseStepAsync(WaterfallStepContext<TrainingState> step, CancellationToken cancellationToken)
    {
        var text = step.Result as string;
        var done = text is null || string.Equals(text.Trim(), Texts.Get(Keys.TrainingThatsAll), StringComparison.OrdinalIgnoreCase)
            || text.Trim().ToLowerInvariant() is "done" or "no" or "no more" or "thats all" or "that is all" or "nothing";
        if (!done)
        {
            if (ExerciseText.Parse(text) is not { } exercise)
            {
                await step.Context.SendActivityAsync(Texts.Get(Keys.RetryExercise), cancellationToken).ConfigureAwait(false);
                step.State.Continuing = step.State.Exercises.Count > 0;
                return step.State.Continuing
                    ? await step.ReplaceDialogAsync(Id, step.State, cancellationToken).ConfigureAwait(false)
                    : await step.PromptAsync(DialogIds.Prompts.Text, Ask.Text(Texts, Keys.TrainingAskExercises, Keys.RetryExercise), cancellationToken).ConfigureAwait(false);
            }

            step.State.Exercises.Add(exercise);
            var line = CheckInReply.ExerciseLine(Texts, exercise.Id, exercise.Sets, exercise.Reps, exercise.LoadKg, Keys.TrainingExerciseAdded, null);
            await step.Context.SendActivityAsync(line, cancellationToken).ConfigureAwait(false);
            step.State.Continuing = true;
            return await step.ReplaceDialogAsync(Id, step.State, cancellationToken).ConfigureAwait(false);
        }

        return await FinishAsync(step, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> FinishAsync(WaterfallStepContext<TrainingState> step, CancellationToken cancellationToken)
    {
        var patient = await _services.GetAsync(step.Context, cancellationToken).ConfigureAwait(false);
        PatientProgram program;
        if (step.State.Exercises.Count > 0)
        {
            program = new PatientProgram { Exercises = step.State.Exercises };
        }
        else
        {
            program = StarterProgram.Create(patient.StartBack?.Risk ?? StartBackRisk.Medium);
            var lines = program.Exercises.Select(e => CheckInReply.ExerciseLine(Texts, e.Id, e.Sets, e.Reps, e.LoadKg, Keys.TrainingStarterItem, Keys.PrescriptionItemNoWeight));
            await step.Context.SendActivityAsync(Texts.Get(Keys.TrainingStarterIntro) + "\n" + string.Join("\n", lines), cancellationToken).ConfigureAwait(false);
            await step.Context.SendActivityAsync(Texts.Get(Keys.TrainingStarterOutro), cancellationToken).ConfigureAwait(false);
        }

        _services.Patients.Stage(step.Context, patient with { Program = patient.Program is { CheckIns.Count: > 0 } kept ? kept with { Exercises = program.Exercises } : program });
        return await step.EndDialogAsync(program.Exercises.Count.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
    }
}
