using CoachBot.Coaching.Programs;
using CoachBot.Coaching.Screening;
using CoachBot.Coaching.Tests.Support;
using static CoachBot.Coaching.Tests.Support.ProgramBuilder;

namespace CoachBot.Coaching.Tests.Programs;

/// <summary>
/// A session that was too hard (session pain 6 or more, PM-6) steps each exercise down: less load where the equipment
/// allows, else the catalogue's easier version the patient can do; a second PM-6 in a row swaps to the easier versions.
/// </summary>
public class StepDownTests
{
    private const string TooHard = """{"painDuringLastSession":6}""";

    private static CheckInOutcome Process(PatientProgram program, string answers, int day = 0) =>
        CheckInProcessor.Process(program, Answers(answers), TestLexicon.Current, Day0.AddDays(day));

    [Fact]
    public void SessionPainSix_BodyweightExerciseWithAnEasierVersion_SwapsToIt()
    {
        var program = new PatientProgram
        {
            Exercises = [ExerciseCatalog.Start("single-leg-glute-bridge", 2) with { Reps = 8 }, ExerciseCatalog.Start("side-plank", 2)],
            Equipment = Equipment.None,
        };

        var outcome = Process(program, TooHard);

        var doses = outcome.Decision.Prescription!.Exercises;
        Assert.Equal(ProgramPhase.Deload, outcome.Program.Phase);
        Assert.Equal(new ExerciseDose("glute-bridge", 0m, 10, 2, false), doses[0]);
        Assert.Equal(new ExerciseDose("side-plank-knees", 0m, 15, 2, false), doses[1]);
        Assert.Equal([DoseChange.Easier, DoseChange.Easier], StepChanges.Compare(ProgramPlanner.CurrentDoses(program), doses));
    }

    [Fact]
    public void SessionPainSix_EasierVersionAlreadyInThePlan_DropsASetInstead()
    {
        var program = new PatientProgram
        {
            Exercises = [ExerciseCatalog.Start("box-squat", 2), ExerciseCatalog.Start("supported-split-squat", 2)],
            Equipment = Equipment.None,
        };

        var doses = Process(program, TooHard).Decision.Prescription!.Exercises;

        Assert.Equal(["box-squat", "supported-split-squat"], doses.Select(d => d.ExerciseId));
        Assert.Equal([1, 1], doses.Select(d => d.Sets));
    }

    [Fact]
    public void SessionPainSix_LoadTheBellsCanCut_CutsTheLoad_AndKeepsTheExercise()
    {
        var program = StarterProgram.Create(StartBackRisk.Medium, Equipment.Dumbbells, TrainingExperience.AYearOrMore);

        var deadlift = Process(program, TooHard).Decision.Prescription!.Exercises[0];

        Assert.Equal(("kettlebell-deadlift", 14m), (deadlift.ExerciseId, deadlift.LoadKg)); // 16 kg less about 15%, on 2 kg steps
    }

    [Fact]
    public void SessionPainSixTwiceInARow_LoadedLiftsSwapToTheirEasierVersions_TheOthersStepDownAgain()
    {
        var program = StarterProgram.Create(StartBackRisk.Medium, Equipment.Dumbbells, TrainingExperience.AYearOrMore);
        var first = Process(program, TooHard);

        var second = Process(first.Program, TooHard, day: 3);

        var before = ProgramPlanner.CurrentDoses(first.Program);
        var doses = second.Decision.Prescription!.Exercises;
        Assert.Equal(("hip-hinge-stick", 0m), (doses[0].ExerciseId, doses[0].LoadKg));
        Assert.Equal(("box-squat", 0m), (doses[1].ExerciseId, doses[1].LoadKg));
        Assert.Equal("supported-row", doses[2].ExerciseId); // no easier version: lighter again
        Assert.True(doses[2].LoadKg < before[2].LoadKg || doses[2].Sets < before[2].Sets);
        var changes = StepChanges.Compare(before, doses);
        Assert.Equal(DoseChange.Easier, changes[0]);
        Assert.Equal(StepDirection.Down, StepChanges.Direction(changes));
    }

    [Fact]
    public void SessionPainSixTwiceInARow_EasierVersionNeedsEquipmentThePatientLacks_IsNotUsed()
    {
        // A barbell only: the easier deadlift is a kettlebell deadlift, which needs a kettlebell or dumbbells.
        var program = StarterProgram.Create(StartBackRisk.Medium, Equipment.BarbellAndRack, TrainingExperience.AYearOrMore);
        var first = Process(program, TooHard);

        var doses = Process(first.Program, TooHard, day: 3).Decision.Prescription!.Exercises;

        Assert.Equal("barbell-deadlift", doses[0].ExerciseId);
        Assert.Equal("barbell-back-squat", doses[1].ExerciseId);
    }

    [Fact]
    public void SwapToAKettlebellLift_WithKettlebellsOnly_MovesInWholeBells()
    {
        var program = new PatientProgram
        {
            Exercises = [ExerciseCatalog.Start("barbell-deadlift", 2)],
            Equipment = Equipment.Kettlebell | Equipment.BarbellAndRack,
        };
        var first = Process(program, TooHard);

        var swapped = Process(first.Program, TooHard, day: 3).Program.Exercises[0];

        Assert.Equal(("kettlebell-deadlift", 12m, 4m), (swapped.Id, swapped.LoadKg, swapped.SmallestStepKg));
    }

    [Fact]
    public void Deload_RoundingDownCutsMoreThanTwentyPercent_TakesTheNextStepUp()
    {
        var deloaded = LoadSteps.Deload(Lift(16, step: 2));

        Assert.Equal(14m, deloaded.LoadKg);
        Assert.Equal(3, deloaded.Sets);
    }
}
