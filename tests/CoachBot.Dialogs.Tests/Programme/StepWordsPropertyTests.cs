using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Programs;
using CoachBot.Coaching.Screening;
using CoachBot.Content;
using CoachBot.Dialogs.CheckIn;
using CoachBot.Dialogs.Shared;
using CoachBot.Dialogs.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace CoachBot.Dialogs.Tests.Programme;

/// <summary>
/// Over many random histories, every step up, stay or step down sentence of a check-in reply agrees with the
/// prescription shown beside it, compared number by number with the session shown before, swaps to a harder or an
/// easier version included.
/// </summary>
public sealed class StepWordsPropertyTests
{
    private static readonly CoachBotContent Content = CoachBotContent.Load(TestContent.Root);
    private static readonly Texts Texts = new(Content);
    private static readonly Coaching.Safety.SafetyLexicon Lexicon = DialogsServiceCollectionExtensions.LoadLexicon(TestContent.Root);
    private static readonly Equipment[] Equipments = [Equipment.None, Equipment.Bands, Equipment.Dumbbells, Equipment.Kettlebell, Equipment.BarbellAndRack, Equipment.Gym];
    private static readonly PainType[] MildTypes = [PainType.Ache, PainType.Stiffness, PainType.Soreness, PainType.Sharp];

    private static readonly Gen<(CheckInInput Input, int Gap, int Sessions)> Step =
        from painNow in Gen.Frequency((4, Gen.Choose(0, 3)), (1, Gen.Choose(4, 8)))
        from session in Gen.Frequency((4, Gen.Choose(0, 3).Select(v => (int?)v)), (1, Gen.Choose(4, 8).Select(v => (int?)v)), (1, Gen.Choose(6, 8).Select(v => (int?)v)), (1, Gen.Constant<int?>(null)))
        from settled in Gen.Frequency((5, Gen.Constant<bool?>(true)), (1, Gen.Constant<bool?>(false)))
        from types in Gen.Frequency((4, Gen.Constant(new List<PainType>())), (1, Gen.SubListOf(MildTypes).Select(l => l.ToList())))
        from flare in Gen.Frequency((12, Gen.Constant(false)), (1, Gen.Constant(true)))
        from gap in Gen.Choose(1, 6)
        from sessions in Gen.Choose(0, 3)
        select (new CheckInInput
        {
            PainNow = painNow,
            PainDuringLastSession = session,
            PainNextMorningSettled = settled,
            PainTypes = types.ToHashSet(),
            RedFlags = new HashSet<RedFlag> { RedFlag.None },
            InFlareUp = flare,
        }, gap, sessions);

    private static readonly Gen<(PatientProgram Start, List<(CheckInInput Input, int Gap, int Sessions)> Steps)> History =
        from risk in Gen.Elements(StartBackRisk.Low, StartBackRisk.Medium, StartBackRisk.High)
        from equipment in Gen.Elements(Equipments)
        from experience in Gen.Elements(Enum.GetValues<TrainingExperience>())
        from steps in Gen.ListOf(Step, 12).Select(s => s.ToList())
        select (StarterProgram.Create(risk, equipment, experience), steps);

    [Fact]
    public void EveryStepSentence_AgreesWithThePrescriptionShown()
    {
        var checkedReplies = 0;
        var easierSwaps = 0;
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(History.ToArbitrary(), history =>
        {
            var program = history.Start;
            var day = new DateOnly(2026, 1, 5);
            foreach (var (input, gap, sessions) in history.Steps)
            {
                day = day.AddDays(gap);
                for (var i = 0; i < sessions; i++)
                {
                    program = program.WithSession(day.AddDays(-i));
                }

                var before = ProgramPlanner.CurrentDoses(program);
                var outcome = CheckInProcessor.Process(program, input, Lexicon, day);
                var replies = CheckInReply.Compose(Texts, outcome, "en-US", coachOverride: false, before);
                Agree(before, outcome.Decision.Prescription!, replies);
                checkedReplies++;
                var after = outcome.Decision.Prescription!.Exercises;
                easierSwaps += before.Zip(after).Count(p => ExerciseCatalog.Find(p.First.ExerciseId)?.Easier == p.Second.ExerciseId);
                program = outcome.Program;
            }
        }));
        Assert.True(checkedReplies >= 3000);
        Assert.True(easierSwaps >= 20, $"too few swaps to an easier version to test: {easierSwaps}"); // about 60 in 300 histories
    }

    private static void Agree(IReadOnlyList<ExerciseDose> before, Prescription prescription, IReadOnlyList<string> replies)
    {
        var all = string.Join("\n", replies);
        var after = prescription.TrainingAllowed ? prescription.Exercises : [];
        var pairs = before.Count == after.Count ? before.Zip(after).ToList() : [];
        bool Same((ExerciseDose B, ExerciseDose A) p) => p.B == p.A;
        var loadUp = pairs.Any(p => p.First.ExerciseId == p.Second.ExerciseId && p.Second.LoadKg > p.First.LoadKg);
        var repsUp = pairs.Any(p => p.First.ExerciseId == p.Second.ExerciseId && p.Second.LoadKg == p.First.LoadKg && p.Second.Sets == p.First.Sets && p.Second.Reps > p.First.Reps);
        var harder = pairs.Any(p => p.First.ExerciseId != p.Second.ExerciseId && ExerciseCatalog.Find(p.First.ExerciseId)?.Harder == p.Second.ExerciseId);
        var easier = pairs.Any(p => p.First.ExerciseId != p.Second.ExerciseId && ExerciseCatalog.Find(p.First.ExerciseId)?.Easier == p.Second.ExerciseId);
        var lighter = pairs.Any(p => p.First.ExerciseId == p.Second.ExerciseId && (p.Second.LoadKg < p.First.LoadKg || p.Second.Sets < p.First.Sets || (p.Second.LoadKg == p.First.LoadKg && p.Second.Sets == p.First.Sets && p.Second.Reps < p.First.Reps)));
        var down = lighter || easier;
        var unchanged = pairs.Count > 0 && pairs.All(p => Same((p.First, p.Second)));

        // The old promise that did not match: never shown now.
        Assert.DoesNotContain("Add a small amount of weight", all, StringComparison.Ordinal);
        if (all.Contains("Add a little weight where it says so", StringComparison.Ordinal))
        {
            Assert.True(loadUp, "more weight promised, none shown:\n" + all);
        }

        if (all.Contains("Do 1 more rep in each set", StringComparison.Ordinal))
        {
            Assert.True(repsUp, "one more rep promised, none shown:\n" + all);
        }

        if (all.Contains("Do a few more reps in each set", StringComparison.Ordinal))
        {
            Assert.True(repsUp, "more reps promised, none shown:\n" + all);
        }

        if (all.Contains("step up a little", StringComparison.Ordinal) || all.Contains("time to step up", StringComparison.Ordinal))
        {
            Assert.True((loadUp || repsUp || harder || pairs.Any(p => p.Second.Sets > p.First.Sets)) && !down, "a step up told, not shown:\n" + all);
        }

        if (all.Contains("stays about the same", StringComparison.Ordinal) || all.Contains("No step up this time", StringComparison.Ordinal))
        {
            Assert.True(unchanged, "the same session told, a different one shown:\n" + all);
        }

        if (all.Contains("a bit lighter than last time", StringComparison.Ordinal))
        {
            Assert.True(down && !loadUp && !repsUp && !harder, "a lighter session told, not shown:\n" + all);
        }

        if (all.Contains("ready for a harder move", StringComparison.Ordinal))
        {
            Assert.True(harder, "a harder move told, none shown:\n" + all);
        }

        // A swap to an easier move is told as a swap; "a lighter weight or one set less" beside a session shown only when
        // one is lighter (after a pause it means the restart).
        Assert.Equal(easier, all.Contains("do an easier move for now", StringComparison.Ordinal));
        if (pairs.Count > 0 && all.Contains("use a lighter weight or do one set less", StringComparison.Ordinal))
        {
            Assert.True(lighter && !loadUp && !repsUp && !harder, "a lighter weight or a set less told, not shown:\n" + all);
        }

        // Each marked line: the mark matches that exercise's numbers; an unmarked line is the same dose.
        var lines = replies.FirstOrDefault(r => r.StartsWith("Here is your next session:", StringComparison.Ordinal))?.Split('\n').Skip(1).ToList() ?? [];
        if (pairs.Count == 0 || lines.Count != pairs.Count)
        {
            return;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var (b, a) = pairs[i];
            var line = lines[i];
            if (line.EndsWith("(a little more weight)", StringComparison.Ordinal))
            {
                Assert.True(a.LoadKg > b.LoadKg, line);
            }
            else if (line.EndsWith("(1 more rep)", StringComparison.Ordinal))
            {
                Assert.True(a.Reps == b.Reps + 1 && a.LoadKg == b.LoadKg && a.Sets == b.Sets, line);
            }
            else if (line.EndsWith("(a few more reps)", StringComparison.Ordinal))
            {
                Assert.True(a.Reps > b.Reps + 1 && a.LoadKg == b.LoadKg && a.Sets == b.Sets, line);
            }
            else if (line.EndsWith("(a bit lighter)", StringComparison.Ordinal))
            {
                Assert.True(a.LoadKg < b.LoadKg || a.Sets < b.Sets || a.Reps < b.Reps, line);
            }
            else if (line.EndsWith("(new: a harder move)", StringComparison.Ordinal))
            {
                Assert.Equal(ExerciseCatalog.Find(b.ExerciseId)?.Harder, a.ExerciseId);
            }
            else if (line.EndsWith("(new: an easier move)", StringComparison.Ordinal))
            {
                Assert.Equal(ExerciseCatalog.Find(b.ExerciseId)?.Easier, a.ExerciseId);
            }
            else if (!line.EndsWith(')'))
            {
                Assert.True(b == a, "unmarked but changed: " + line);
            }
        }
    }
}
