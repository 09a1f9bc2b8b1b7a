using System.Text.Json;
using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Programs;
using CoachBot.Coaching.Tests.Properties;
using CoachBot.Coaching.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using static CoachBot.Coaching.Tests.Support.ProgramBuilder;

namespace CoachBot.Coaching.Tests.Programs;

/// <summary>The program keeps only the history the rules read, and deciding on it changes nothing.</summary>
public class HistoryRetentionTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(300);

    /// <summary>Mostly calm answers (so stable runs, pauses and the ladder all happen), some from the whole contract.</summary>
    private static readonly Gen<CheckInInput> Answers = Gen.Frequency(
        (4, from pain in Gen.Choose(0, 6)
            from session in Gen.Choose(0, 7)
            from settled in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
            from flare in Gen.Frequency((8, Gen.Constant(false)), (1, Gen.Constant(true)))
            select CheckInBuilder.Calm with
            {
                PainNow = pain,
                PainDuringLastSession = session,
                PainNextMorningSettled = settled,
                PainTrendVsLastWeek = null,
                InFlareUp = flare,
            }),
        (1, CheckInGenerators.Input));

    private static readonly Gen<int> Gap = Gen.Frequency((2, Gen.Constant(0)), (8, Gen.Choose(1, 4)), (1, Gen.Choose(5, 40)));

    private static readonly Gen<List<Step>> Histories =
        from length in Gen.Choose(1, 90)
        from steps in (from gap in Gap
                       from sessions in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(1, 2)))
                       from answers in Answers
                       select new Step(gap, sessions, answers)).ListOf(length)
        select steps.ToList();

    [Fact]
    public void Process_OnTheTrimmedHistory_DecidesExactlyAsOnTheFullHistory()
    {
        Check.One(Config, Prop.ForAll(Histories.ToArbitrary(), steps =>
        {
            var trimmed = With(Lift(40, reps: 9), Lift(20, back: false));
            var allCheckIns = new List<CheckInRecord>();
            var allSessions = new List<DateOnly>();
            var today = Day0;
            foreach (var step in steps)
            {
                today = today.AddDays(step.Gap);
                for (var i = 0; i < step.Sessions; i++)
                {
                    trimmed = trimmed.WithSession(today);
                    allSessions.Add(today);
                }

                // The same program with every check-in and session ever made, and the stable run counted from them.
                var full = trimmed with { CheckIns = [.. allCheckIns], StableRun = null, Sessions = [.. allSessions] };
                var onTrimmed = CheckInProcessor.Process(trimmed, step.Answers, TestLexicon.Current, today);
                var onFull = CheckInProcessor.Process(full, step.Answers, TestLexicon.Current, today);

                Assert.Equal(Json(onFull.Decision), Json(onTrimmed.Decision));
                Assert.Equal(Json(onFull.Input), Json(onTrimmed.Input));
                Assert.Equal(Json(WithoutHistory(onFull.Program)), Json(WithoutHistory(onTrimmed.Program)));
                allCheckIns.Add(onFull.Program.CheckIns[^1]);
                trimmed = onTrimmed.Program;
            }

            return true;
        }));
    }

    [Fact]
    public void Process_TwoYearsOfDailyCheckIns_KeepsTheProgramSmallAndTheStableRunWhole()
    {
        var program = With(Lift(40, reps: 9));
        var today = Day0;
        for (var day = 0; day < 730; day++)
        {
            today = Day0.AddDays(day);
            program = program.WithSession(today);
            program = CheckInProcessor.Process(program, CheckInBuilder.Calm with { PainTrendVsLastWeek = null }, TestLexicon.Current, today).Program;
        }

        Assert.InRange(program.CheckIns.Count, PatientHistory.KeptDays, PatientHistory.KeptDays + 1);
        Assert.All(program.CheckIns, c => Assert.True(c.Date >= today.AddDays(-PatientHistory.KeptDays)));
        Assert.InRange(program.Sessions.Count, PatientHistory.KeptDays, PatientHistory.KeptDays + 1);

        // The first week has no week before it, so no trend and no stable check-in; each of the other 723 is stable.
        Assert.Equal(723, program.StableRun);
        Assert.Equal(723, PatientHistory.ConsecutiveStableCheckIns(program));
    }

    [Fact]
    public void Retain_WhilePaused_KeepsTheFourCheckInsBeforeThePauseHoweverOld()
    {
        var before = Enumerable.Range(0, 6).Select(i => Record(Day0.AddDays(i), painNow: i)).ToList();
        var during = Enumerable.Range(40, 10).Select(i => Record(Day0.AddDays(i), painNow: 7));
        var paused = Day0.AddDays(30);

        var kept = PatientHistory.Retain([.. before, .. during], paused);

        Assert.Equal([2, 3, 4, 5], kept.Where(c => c.Date < paused).Select(c => c.Input.PainNow));
        Assert.Equal(10, kept.Count(c => c.Date >= paused));
    }

    [Fact]
    public void WithCheckIn_ProgramSavedWithoutAStableRun_CountsItFromTheFullListOnce()
    {
        var legacy = With(Lift(40)) with
        {
            CheckIns = [Record(Day0.AddDays(-90), stable: false), .. Enumerable.Range(1, 40).Select(i => Record(Day0.AddDays(-90 + (2 * i))))],
        };
        var stable = Record(Day0, stable: true).Input with { PainDuringLastSession = 2, PainTrendVsLastWeek = PainTrend.Same };

        var next = legacy.WithCheckIn(new CheckInRecord(Day0, stable, Decision.Hold, Escalation.None, [], ClinicalRuleSet.Version));

        Assert.Equal(40, PatientHistory.ConsecutiveStableCheckIns(legacy));
        Assert.Equal(41, next.StableRun);
        Assert.True(next.CheckIns.Count < legacy.CheckIns.Count);
    }

    private static PatientProgram WithoutHistory(PatientProgram program) => program with { CheckIns = [], StableRun = null, Sessions = [] };

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    /// <summary>One check-in: days since the last one, sessions reported done today, and the answers.</summary>
    internal sealed record Step(int Gap, int Sessions, CheckInInput Answers);
}
