using System.Globalization;
using CoachBot.Coaching.Programs;
using CoachBot.Coaching.Screening;
using CoachBot.Content;
using CoachBot.Conversation;
using CoachBot.Conversation.Waterfall;
using CoachBot.Dialogs.CheckIn;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Turns;

namespace CoachBot.Dialogs.Onboarding;

/// <summary>
/// The training: what the patient has to train with and how long they have trained; then, for a year or more, their
/// own exercises and loads (one per message, until "That's all") or a plan; else the starter program the core picks
/// for their equipment, experience and STarT Back risk. Stages the program into the patient record, and shows it
/// unless the screening holds it until a clinician clears it.
/// </summary>
internal sealed class TrainingDialog : WaterfallDialog<TrainingState>
{
    private static readonly Equipment[] EquipmentChoices = [Equipment.None, Equipment.Bands, Equipment.Dumbbells, Equipment.Kettlebell, Equipment.BarbellAndRack, Equipment.Gym];
    private readonly DialogServices _services;

    public TrainingDialog(DialogServices services)
        : base(DialogIds.Training)
    {
        _services = services;
        AddStep(AskEquipmentStepAsync);
        AddStep(RecordEquipmentStepAsync);
        AddStep(RecordExperienceStepAsync);
        AddStep(RecordOwnOrPlanStepAsync);
        AddStep(RecordExerciseStepAsync);
    }

    private Texts Texts => _services.Texts;

    private Task<DialogTurnResult> AskEquipmentStepAsync(WaterfallStepContext<TrainingState> step, CancellationToken cancellationToken)
    {
        var options = step.GetOptions<TrainingState>();
        if (options is { Continuing: true })
        {
            step.State.Exercises = options.Exercises;
            step.State.Equipment = options.Equipment;
            step.State.Experience = options.Experience;
            step.State.Continuing = true;
            return step.State.Exercises.Count == 0
                ? step.PromptAsync(DialogIds.Prompts.Text, Ask.Text(Texts, MessageKeys.Training.AskExercises, MessageKeys.Retry.Exercise), cancellationToken)
                : step.PromptAsync(DialogIds.Prompts.Text, Ask.Choices(Texts, MessageKeys.Training.AskMoreExercises, MessageKeys.Retry.Exercise, [(MessageKeys.Training.OptionThatsAll, WordLists.TrainingThatsAll)]), cancellationToken);
        }

        return step.PromptAsync(
            DialogIds.Prompts.Choice,
            Ask.Choices(
                Texts,
                MessageKeys.Training.AskEquipment,
                MessageKeys.Retry.Choice,
                [
                    (MessageKeys.Training.EquipmentOptionNone, WordLists.TrainingEquipmentNone),
                    (MessageKeys.Training.EquipmentOptionBands, WordLists.TrainingEquipmentBands),
                    (MessageKeys.Training.EquipmentOptionDumbbells, WordLists.TrainingEquipmentDumbbells),
                    (MessageKeys.Training.EquipmentOptionKettlebell, WordLists.TrainingEquipmentKettlebell),
                    (MessageKeys.Training.EquipmentOptionBarbell, WordLists.TrainingEquipmentBarbell),
                    (MessageKeys.Training.EquipmentOptionGym, WordLists.TrainingEquipmentGym),
                ]),
            cancellationToken);
    }

    private async Task<DialogTurnResult> RecordEquipmentStepAsync(WaterfallStepContext<TrainingState> step, CancellationToken cancellationToken)
    {
        if (step.State.Continuing)
        {
            return await RecordTypedExerciseAsync(step, cancellationToken).ConfigureAwait(false);
        }

        step.State.Equipment = Ask.ChosenIndex(step.Result) is int i ? EquipmentChoices[i] : Equipment.None;
        return await step.PromptAsync(
            DialogIds.Prompts.Choice,
            Ask.Choices(
                Texts,
                MessageKeys.Training.AskExperience,
                MessageKeys.Retry.Choice,
                [
                    (MessageKeys.Training.ExperienceOptionNone, WordLists.TrainingExperienceNone),
                    (MessageKeys.Training.ExperienceOptionLessThanAYear, WordLists.TrainingExperienceLessThanAYear),
                    (MessageKeys.Training.ExperienceOptionAYearOrMore, WordLists.TrainingExperienceAYearOrMore),
                ]),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordExperienceStepAsync(WaterfallStepContext<TrainingState> step, CancellationToken cancellationToken)
    {
        step.State.Experience = Ask.ChosenIndex(step.Result) switch
        {
            1 => TrainingExperience.LessThanAYear,
            2 => TrainingExperience.AYearOrMore,
            _ => TrainingExperience.None,
        };
        await _services.UpdateAsync(step.Context, p => p with { Equipment = step.State.Equipment, Experience = step.State.Experience }, cancellationToken).ConfigureAwait(false);
        if (step.State.Experience != TrainingExperience.AYearOrMore)
        {
            return await FinishAsync(step, cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(
            DialogIds.Prompts.Choice,
            Ask.Choices(Texts, MessageKeys.Training.AskOwnOrPlan, MessageKeys.Retry.Choice, [(MessageKeys.Training.OptionOwn, WordLists.TrainingOwn), (MessageKeys.Training.OptionPlan, WordLists.TrainingPlan)]),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordOwnOrPlanStepAsync(WaterfallStepContext<TrainingState> step, CancellationToken cancellationToken) =>
        Ask.ChosenIndex(step.Result) == 0
            ? await step.PromptAsync(DialogIds.Prompts.Text, Ask.Text(Texts, MessageKeys.Training.AskExercises, MessageKeys.Retry.Exercise), cancellationToken).ConfigureAwait(false)
            : await FinishAsync(step, cancellationToken).ConfigureAwait(false);

    private Task<DialogTurnResult> RecordExerciseStepAsync(WaterfallStepContext<TrainingState> step, CancellationToken cancellationToken) =>
        RecordTypedExerciseAsync(step, cancellationToken);

    private async Task<DialogTurnResult> RecordTypedExerciseAsync(WaterfallStepContext<TrainingState> step, CancellationToken cancellationToken)
    {
        var text = step.Result as string;
        var done = text is null || string.Equals(text.Trim(), Texts.Get(MessageKeys.Training.OptionThatsAll), StringComparison.OrdinalIgnoreCase)
            || text.Trim().ToLowerInvariant() is "done" or "no" or "no more" or "thats all" or "that is all" or "nothing";
        if (done)
        {
            return await FinishAsync(step, cancellationToken).ConfigureAwait(false);
        }

        if (ExerciseText.Parse(text) is not { } exercise)
        {
            await step.Context.SendActivityAsync(Texts.Get(MessageKeys.Retry.Exercise), cancellationToken).ConfigureAwait(false);
            step.State.Continuing = true;
            return await step.ReplaceDialogAsync(Id, step.State, cancellationToken).ConfigureAwait(false);
        }

        step.State.Exercises.Add(exercise);
        var line = CheckInReply.ExerciseLine(Texts, exercise.Id, exercise.Sets, exercise.Reps, exercise.LoadKg, MessageKeys.Training.ExerciseAdded, null);
        await step.Context.SendActivityAsync(line, cancellationToken).ConfigureAwait(false);
        step.State.Continuing = true;
        return await step.ReplaceDialogAsync(Id, step.State, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> FinishAsync(WaterfallStepContext<TrainingState> step, CancellationToken cancellationToken)
    {
        var program = await FinishAsync(_services, step.Context, step.State, cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(program.Exercises.Count.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stages the program (the patient's own exercises, or the starter program for their equipment, experience and
    /// STarT Back risk) and shows the starter plan unless the screening holds it. Shared with the onboarding card.
    /// </summary>
    public static async Task<PatientProgram> FinishAsync(DialogServices services, ITurnContext turn, TrainingState state, CancellationToken cancellationToken)
    {
        var patient = await services.GetAsync(turn, cancellationToken).ConfigureAwait(false);
        var program = state.Exercises.Count > 0
            ? new PatientProgram { Exercises = state.Exercises, Equipment = state.Equipment }
            : StarterProgram.Create(patient.StartBack?.Risk ?? StartBackRisk.Medium, state.Equipment, state.Experience);
        patient = patient with
        {
            Equipment = state.Equipment,
            Experience = state.Experience,
            Program = patient.Program is { CheckIns.Count: > 0 } kept ? kept with { Exercises = program.Exercises, Equipment = program.Equipment } : program,
        };
        services.Patients.Stage(turn, patient);
        if (patient.Clearance is { Pending: true })
        {
            await turn.SendActivityAsync(services.Texts.Get(MessageKeys.Training.PlanOnHold), cancellationToken).ConfigureAwait(false);
        }
        else if (state.Exercises.Count == 0)
        {
            await PlanMessages.SendAsync(services, turn, program, state.Experience, cancellationToken).ConfigureAwait(false);
        }

        return program;
    }
}
