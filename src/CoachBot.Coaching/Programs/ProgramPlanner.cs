using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;

namespace CoachBot.Coaching.Programs;

/// <summary>
/// Turns a decision into the next prescription (clinical rules 7.3 and 8): progression steps with double
/// progression and at most one increase per exercise per week, the deload after PM-6, pausing, and the return
/// ladder with its entry conditions. Pure: the day is passed in.
/// </summary>
public static class ProgramPlanner
{
    /// <summary>Plans the next session after <paramref name="decision"/> on <paramref name="input"/>.</summary>
    public static PlanOutcome Plan(PatientProgram program, CheckInInput input, CoachingDecision decision, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.Decision == Decision.Pause)
        {
            return Pause(program, today);
        }

        var reduce = decision.RuleIds.Contains(RuleTable.PM6);
        return program.Phase switch
        {
            ProgramPhase.Paused => TryEnterLadder(program, input, today),
            ProgramPhase.ReturnLadder => Climb(program, input, reduce),
            _ when reduce => Deload(program),
            _ when decision.Decision == Decision.Progress => Progress(program, today),
            _ => Working(program with { Phase = ProgramPhase.Normal, LadderStep = 0 }, "hold: repeat the working prescription"),
        };
    }

    /// <summary>
    /// What the program prescribes now, as last shown to the patient: nothing when paused, the ladder step's fraction on
    /// the return ladder, else the working doses.
    /// </summary>
    public static IReadOnlyList<ExerciseDose> CurrentDoses(PatientProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return program.Phase switch
        {
            ProgramPhase.Paused => [],
            ProgramPhase.ReturnLadder => [.. program.Exercises.Select(e => LoadSteps.Scaled(e, ReturnLadder.Fraction(Math.Clamp(program.LadderStep, 1, ReturnLadder.TopStep))))],
            _ => [.. program.Exercises.Select(LoadSteps.Dose)],
        };
    }

    private static PlanOutcome Pause(PatientProgram program, DateOnly today)
    {
        if (program.Phase == ProgramPhase.Paused)
        {
            return Paused(program, "still paused");
        }

        var resume = program.Phase == ProgramPhase.ReturnLadder ? Math.Max(1, program.LadderStep - 1) : 1;
        var paused = program with { Phase = ProgramPhase.Paused, LadderStep = resume, PausedSince = today };
        return Paused(paused, $"paused: restart through the return ladder at step {resume}");
    }

    private static PlanOutcome TryEnterLadder(PatientProgram program, CheckInInput input, DateOnly today)
    {
        var unmet = ReturnLadder.UnmetEntryConditions(program, input, today);
        if (unmet.Count > 0)
        {
            var why = $"return ladder entry not met: {string.Join("; ", unmet)}";
            var outcome = Paused(program, why);
            return outcome with { ExtraRules = [new FiredRule(PlannerRules.LadderEntryNotMet, why)] };
        }

        var pausedDays = program.PausedSince is DateOnly since ? today.DayNumber - since.DayNumber : 0;
        var longPause = pausedDays > ReturnLadder.LongPauseDays;
        var step = longPause ? 1 : Math.Clamp(program.LadderStep, 1, ReturnLadder.TopStep);
        var next = program with { Phase = ProgramPhase.ReturnLadder, LadderStep = step, PausedSince = null };
        FiredRule[] extra = longPause
            ? [new FiredRule(PlannerRules.LongPause, $"paused {pausedDays} days (more than {ReturnLadder.LongPauseDays}): restart at step 1 with a routine review")]
            : [];
        return new PlanOutcome(next, Ladder(next, $"entered the return ladder at step {step}"), extra);
    }

    private static PlanOutcome Climb(PatientProgram program, CheckInInput input, bool reduce)
    {
        if (reduce)
        {
            if (program.LadderStep > 1)
            {
                var down = program with { LadderStep = program.LadderStep - 1 };
                return new PlanOutcome(down, Ladder(down, $"session pain too high: down to step {down.LadderStep}"), []);
            }

            var notes = new List<string> { "session pain too high at step 1: each exercise one step down" };
            var cut = program with { Exercises = StepDown(program, again: false, notes) };
            var prescription = Ladder(cut, notes[0]);
            return new PlanOutcome(cut, prescription with { Notes = notes }, []);
        }

        if (!PainMonitoring.IsMet(input))
        {
            return new PlanOutcome(program, Ladder(program, $"pain-monitoring rules not met: stay on step {program.LadderStep}"), []);
        }

        if (program.LadderStep >= ReturnLadder.TopStep)
        {
            return Working(program with { Phase = ProgramPhase.Normal, LadderStep = 0 }, "return ladder complete: normal progression resumes");
        }

        var up = program with { LadderStep = program.LadderStep + 1 };
        return new PlanOutcome(up, Ladder(up, $"up to step {up.LadderStep}"), []);
    }

    /// <summary>
    /// PM-6: each exercise one step down, then rebuild (8.4): about 15% less load, or the easier version, or one set
    /// fewer. A second PM-6 in a row (already in <see cref="ProgramPhase.Deload"/>) marks the exercises as too hard:
    /// every exercise with an easier version the patient can do swaps to it.
    /// </summary>
    private static PlanOutcome Deload(PatientProgram program)
    {
        var again = program.Phase == ProgramPhase.Deload;
        var notes = new List<string>
        {
            again ? "session pain 6 or more again after a step down: easier versions where the catalogue has them"
                : "session pain 6 or more: load cut about 15%, the easier version or one set fewer, then rebuild",
        };
        var next = program with { Phase = ProgramPhase.Deload, LadderStep = 0, Exercises = StepDown(program, again, notes) };
        return Working(next, [.. notes]);
    }

    private static Exercise[] StepDown(PatientProgram program, bool again, List<string> notes)
    {
        var inPlan = program.Exercises.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var equipment = program.Equipment ?? Equipment.None;
        return [.. program.Exercises.Select(e => Regression.Next(e, inPlan, equipment, again, notes))];
    }

    private static PlanOutcome Progress(PatientProgram program, DateOnly today)
    {
        var notes = new List<string>();
        var exercises = program.Exercises.Select(e => Progression.Next(e, today, notes, program.Equipment ?? Equipment.None)).ToArray();
        return Working(program with { Phase = ProgramPhase.Normal, LadderStep = 0, Exercises = exercises }, notes.ToArray());
    }

    private static PlanOutcome Working(PatientProgram program, params string[] notes) =>
        new(program, new Prescription
        {
            Phase = program.Phase,
            TrainingAllowed = true,
            Exercises = program.Exercises.Select(LoadSteps.Dose).ToArray(),
            Notes = notes,
        }, []);

    private static Prescription Ladder(PatientProgram program, string note) => new()
    {
        Phase = ProgramPhase.ReturnLadder,
        LadderStep = program.LadderStep,
        TrainingAllowed = true,
        Exercises = program.Exercises.Select(e => LoadSteps.Scaled(e, ReturnLadder.Fraction(program.LadderStep))).ToArray(),
        Notes = [note],
    };

    private static PlanOutcome Paused(PatientProgram program, string note) =>
        new(program, new Prescription
        {
            Phase = ProgramPhase.Paused,
            LadderStep = program.LadderStep,
            TrainingAllowed = false,
            Exercises = [],
            Notes = [note],
        }, []);
}
