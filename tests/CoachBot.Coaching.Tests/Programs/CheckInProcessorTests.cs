using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Programs;
using CoachBot.Coaching.Screening;
using CoachBot.Coaching.Tests.Support;
using static CoachBot.Coaching.Tests.Support.ProgramBuilder;

namespace CoachBot.Coaching.Tests.Programs;

/// <summary>Decide + plan for a patient: progression, deload, pause and the return ladder (sections 7.3 and 8).</summary>
public class CheckInProcessorTests
{
    /// <summary>A program whose history satisfies the gate: 2 stable check-ins, 4 sessions, steady pain.</summary>
    private static PatientProgram Ready(params Exercise[] exercises) => With(exercises) with
    {
        CheckIns = [Record(Day0.AddDays(-9)), Record(Day0.AddDays(-4)), Record(Day0.AddDays(-1))],
        Sessions = [Day0.AddDays(-12), Day0.AddDays(-9), Day0.AddDays(-5), Day0.AddDays(-2)],
    };

    private static CheckInOutcome Process(PatientProgram program, string answers = "{}", int day = 0) =>
        CheckInProcessor.Process(program, Answers(answers), TestLexicon.Current, Day0.AddDays(day));

    [Fact]
    public void Process_ProgressBelowTopOfRange_AddsOneRep()
    {
        var outcome = Process(Ready(Lift(40, reps: 9)));

        Assert.Equal(Decision.Progress, outcome.Decision.Decision);
        var dose = Assert.Single(outcome.Decision.Prescription!.Exercises);
        Assert.Equal((40m, 10), (dose.LoadKg, dose.Reps));
        Assert.Equal(Day0, outcome.Program.Exercises[0].LastIncreaseOn);
    }

    [Fact]
    public void Process_ProgressAtTopOfRange_AddsLoadAndDropsReps()
    {
        var outcome = Process(Ready(Lift(60, reps: 12)));

        var dose = Assert.Single(outcome.Decision.Prescription!.Exercises);
        Assert.Equal((62.5m, 8), (dose.LoadKg, dose.Reps));
    }

    [Fact]
    public void Process_SecondProgressWithinAWeek_ChangesNothing()
    {
        var recent = Lift(60, reps: 12) with { LastIncreaseOn = Day0.AddDays(-6) };

        var outcome = Process(Ready(recent));

        Assert.Equal(Decision.Progress, outcome.Decision.Decision);
        Assert.Equal((60m, 12), (outcome.Program.Exercises[0].LoadKg, outcome.Program.Exercises[0].Reps));
    }

    [Fact]
    public void Process_SessionPainSix_DeloadsAndHolds()
    {
        var outcome = Process(Ready(Lift(40)), """{"painDuringLastSession":6}""");

        Assert.Equal(Decision.Hold, outcome.Decision.Decision);
        Assert.Equal(ProgramPhase.Deload, outcome.Decision.Prescription!.Phase);
        Assert.Equal(32.5m, outcome.Decision.Prescription.Exercises[0].LoadKg);
        Assert.Contains(MessageTokens.ReduceTheLoad, outcome.Decision.MustMention);
    }

    [Fact]
    public void Process_Pause_StopsTrainingAndRecordsTheDay()
    {
        var outcome = Process(Ready(Lift(40)), """{"inFlareUp":true,"painNow":6}""");

        Assert.Equal(ProgramPhase.Paused, outcome.Program.Phase);
        Assert.Equal(Day0, outcome.Program.PausedSince);
        Assert.False(outcome.Decision.Prescription!.TrainingAllowed);
        Assert.Empty(outcome.Decision.Prescription.Exercises);
        Assert.Equal(4, outcome.Program.CheckIns.Count);
        Assert.Equal(Decision.Pause, outcome.Program.CheckIns[^1].Decision);
    }

    [Fact]
    public void Process_PausedAndEntryNotMet_StaysPausedWithRl2()
    {
        var paused = Process(Ready(Lift(40)), """{"inFlareUp":true,"painNow":6}""").Program;

        var outcome = Process(paused, """{"painNow":5,"painNextMorningSettled":true}""", day: 2);

        Assert.Equal(Decision.Pause, outcome.Decision.Decision);
        Assert.Contains(PlannerRules.LadderEntryNotMet, outcome.Decision.RuleIds);
        Assert.Contains(MessageTokens.KeepMovingGently, outcome.Decision.MustMention);
        Assert.Equal(ProgramPhase.Paused, outcome.Program.Phase);
    }

    [Fact]
    public void Process_ReturnLadder_ClimbsFiftySeventyFiveHundredThenNormal()
    {
        var program = Process(Ready(Lift(40)), """{"inFlareUp":true,"painNow":6,"painNextMorningSettled":false}""").Program;
        var firstSettledDay = Process(program, """{"painNow":2}""", day: 1);
        Assert.Contains(PlannerRules.LadderEntryNotMet, firstSettledDay.Decision.RuleIds);
        program = firstSettledDay.Program;

        var step1 = Process(program, """{"painNow":2}""", day: 2);
        var step2 = Process(step1.Program, "{}", day: 4);
        var step3 = Process(step2.Program, "{}", day: 6);
        var normal = Process(step3.Program, "{}", day: 8);

        Assert.Equal((ProgramPhase.ReturnLadder, 1, 20m), Summary(step1));
        Assert.Equal((ProgramPhase.ReturnLadder, 2, 30m), Summary(step2));
        Assert.Equal((ProgramPhase.ReturnLadder, 3, 40m), Summary(step3));
        Assert.Equal(ProgramPhase.Normal, normal.Program.Phase);
    }

    [Fact]
    public void Process_LadderWithMonitoringNotMet_StaysOnStep()
    {
        var onLadder = Ready(Lift(40)) with { Phase = ProgramPhase.ReturnLadder, LadderStep = 2 };

        var outcome = Process(onLadder, """{"painDuringLastSession":null}""");

        Assert.Equal((ProgramPhase.ReturnLadder, 2, 30m), Summary(outcome));
    }

    [Fact]
    public void Process_FlareOnLadder_ResumesOneStepLower()
    {
        var onLadder = Ready(Lift(40)) with { Phase = ProgramPhase.ReturnLadder, LadderStep = 3 };

        var paused = Process(onLadder, """{"inFlareUp":true,"painNow":5}""");

        Assert.Equal(ProgramPhase.Paused, paused.Program.Phase);
        Assert.Equal(2, paused.Program.LadderStep);
    }

    [Fact]
    public void Process_PauseLongerThanTwoWeeks_RestartsAtStepOneWithRoutineReview()
    {
        var paused = Ready(Lift(40)) with { Phase = ProgramPhase.Paused, LadderStep = 3, PausedSince = Day0.AddDays(-20) };

        var outcome = Process(paused, """{"painNow":2}""");

        Assert.Equal((ProgramPhase.ReturnLadder, 1, 20m), Summary(outcome));
        Assert.Contains(PlannerRules.LongPause, outcome.Decision.RuleIds);
        Assert.Equal(Escalation.Routine, outcome.Decision.Escalation);
        Assert.Contains(MessageTokens.CoachWillContactYou, outcome.Decision.MustMention);
    }

    [Theory]
    [InlineData(StartBackRisk.Low, 3, 12)]
    [InlineData(StartBackRisk.Medium, 2, 12)]
    [InlineData(StartBackRisk.High, 2, 6)]
    public void StarterProgram_Risk_SetsVolumeAndStartingLoad(StartBackRisk risk, int sets, double deadliftKg)
    {
        var program = StarterProgram.Create(risk);

        Assert.All(program.Exercises, e => Assert.Equal(sets, e.Sets));
        Assert.Equal((decimal)deadliftKg, program.Exercises.Single(e => e.Id == "kettlebell-deadlift").LoadKg);
        Assert.Contains(program.Exercises, e => e.LoadsBack);
        Assert.Equal(ProgramPhase.Normal, program.Phase);
    }

    private static (ProgramPhase, int?, decimal) Summary(CheckInOutcome outcome) =>
        (outcome.Decision.Prescription!.Phase, outcome.Decision.Prescription.LadderStep, outcome.Decision.Prescription.Exercises[0].LoadKg);
}
