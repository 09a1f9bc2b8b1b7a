using System.Globalization;
using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Programs;
using CoachBot.Content;
using CoachBot.Dialogs.Shared;

namespace CoachBot.Dialogs.CheckIn;

/// <summary>
/// The reply to a decided check-in: the decision in plain words, one message per returned token (its meaning),
/// the return-ladder step and the next session, each exercise marked with what changed. For urgent and emergency escalations only the safety tokens
/// are sent (no training content).
/// </summary>
internal static class CheckInReply
{
    /// <summary>
    /// The reply. The sentence about the next session (step up, stay, lighter) and the mark beside each exercise come
    /// from how the prescription differs from <paramref name="before"/> (the session shown last time), so the words
    /// always match the numbers shown; with no earlier session, from the decision.
    /// </summary>
    public static IReadOnlyList<string> Compose(Texts texts, CheckInOutcome outcome, string? locale, bool coachOverride = false, IReadOnlyList<ExerciseDose>? before = null)
    {
        var decision = outcome.Decision;
        var serious = decision.Escalation >= Escalation.Urgent;
        var after = decision.Prescription is { TrainingAllowed: true } p ? p.Exercises : [];
        var changes = before is { Count: > 0 } && after.Count > 0 ? StepChanges.Compare(before, after) : null;
        var direction = changes is null ? StepDirection.Mixed : StepChanges.Direction(changes);
        var replies = new List<string>();
        var restart = before is { Count: 0 } && decision.Prescription is { Phase: ProgramPhase.ReturnLadder };
        if (!serious)
        {
            replies.Add(texts.Get(restart && !coachOverride ? MessageKeys.Ladder.Intro : Headline(decision, coachOverride, direction)));
        }

        var args = texts.CrisisArgs(locale);
        foreach (var token in decision.MustMention)
        {
            if (token == MessageTokens.IncreaseTheLoadSlightly && restart)
            {
                continue; // back after a pause: the ladder step says what to do, not a step up
            }

            if (token == MessageTokens.IncreaseTheLoadSlightly && changes is not null)
            {
                replies.Add(texts.Get(StepUpSentence(changes, OneRepOnly(before!, after, changes))));
                continue;
            }

            if (token == MessageTokens.ReduceTheLoad && direction is StepDirection.Same or StepDirection.Up)
            {
                continue; // nothing gets lighter next time (a pause, then the ladder, says how to restart)
            }

            if (token == MessageTokens.ReduceTheLoad && changes is not null && changes.Contains(DoseChange.Easier))
            {
                replies.Add(texts.Get(MessageKeys.Change.Easier)); // a swap to an easier move, not a lighter weight
                if (!changes.Contains(DoseChange.Lighter))
                {
                    continue;
                }
            }

            var key = token == MessageTokens.CoachWillContactYou
                ? TokenMessages.CoachWillContactYouKey(sameDay: serious, withCoachName: false)
                : TokenMessages.KeyFor(token);
            replies.Add(texts.Get(key, args));
        }

        if (!serious)
        {
            AddTraining(texts, decision, replies, changes, before);
        }

        return replies;
    }

    private static string Headline(CoachingDecision decision, bool coachOverride, StepDirection direction) => decision.Decision switch
    {
        Decision.Progress when coachOverride => MessageKeys.Decision.CoachProgress,
        Decision.Hold when coachOverride => MessageKeys.Decision.CoachHold,
        Decision.Pause when coachOverride => MessageKeys.Decision.CoachPause,
        Decision.Pause => MessageKeys.Decision.Pause,
        _ when direction == StepDirection.Up => MessageKeys.Decision.Progress,
        _ when direction == StepDirection.Down => MessageKeys.Decision.HoldReduce,
        _ when direction == StepDirection.Same => MessageKeys.Decision.Hold,
        Decision.Progress => MessageKeys.Decision.Progress,
        Decision.Hold when decision.RuleIds.Contains(RuleTable.PM6) => MessageKeys.Decision.HoldReduce,
        _ => MessageKeys.Decision.Hold,
    };

    /// <summary>What "increase the load slightly" means this time: the change actually made, or not yet (a step up less than a week ago).</summary>
    private static string StepUpSentence(IReadOnlyList<DoseChange> changes, bool oneRepOnly) =>
        changes.Contains(DoseChange.MoreWeight) ? MessageKeys.Change.MoreWeight
            : changes.Contains(DoseChange.MoreReps) ? (oneRepOnly ? MessageKeys.Change.MoreReps : MessageKeys.Change.MoreRepsFew)
            : changes.Contains(DoseChange.Harder) ? MessageKeys.Change.Harder
            : MessageKeys.Change.NotYet;

    /// <summary>True when every exercise with more reps has exactly one more (double progression; the return ladder adds more).</summary>
    private static bool OneRepOnly(IReadOnlyList<ExerciseDose> before, IReadOnlyList<ExerciseDose> after, IReadOnlyList<DoseChange> changes) =>
        changes.Select((c, i) => (c, i)).Where(x => x.c == DoseChange.MoreReps).All(x => after[x.i].Reps == before[x.i].Reps + 1);

    private static string? MarkKey(DoseChange change, bool oneRep) => change switch
    {
        DoseChange.MoreWeight => MessageKeys.Change.MarkMoreWeight,
        DoseChange.MoreReps => oneRep ? MessageKeys.Change.MarkMoreReps : MessageKeys.Change.MarkMoreRepsFew,
        DoseChange.MoreSets => MessageKeys.Change.MarkMoreSets,
        DoseChange.Harder => MessageKeys.Change.MarkHarder,
        DoseChange.Lighter => MessageKeys.Change.MarkLighter,
        DoseChange.Easier => MessageKeys.Change.MarkEasier,
        _ => null,
    };

    /// <summary>One lesson matched to the answers (none after an urgent or emergency escalation).</summary>
    public static Lesson? SuggestLesson(DialogServices services, CheckInOutcome outcome, IReadOnlyList<string> alreadySeen)
    {
        if (outcome.Decision.Escalation >= Escalation.Urgent)
        {
            return null;
        }

        var input = outcome.Input;
        var topics = new List<string>();
        if (input.InFlareUp)
        {
            topics.Add(LessonTopics.FlareUp);
        }

        if (input.PainTypes.Contains(PainType.Sharp))
        {
            topics.Add(LessonTopics.SharpPain);
        }

        if (input.PainTypes.Contains(PainType.Soreness))
        {
            topics.Add(LessonTopics.Soreness);
        }

        if (input.PainTrendVsLastWeek == PainTrend.Worse || outcome.Decision.Decision == Decision.Pause)
        {
            topics.Add(LessonTopics.Setback);
        }

        if (CheckInCadence.ModerateOrWorse(input.PainNow))
        {
            topics.Add(LessonTopics.WhyItHurts);
        }

        topics.Add(outcome.Decision.Decision == Decision.Progress ? LessonTopics.Load : LessonTopics.Reassurance);
        return services.Content.Lessons.Suggest(topics, alreadySeen); // a lesson already read is offered again only when asked
    }

    private static void AddTraining(Texts texts, CoachingDecision decision, List<string> replies, IReadOnlyList<DoseChange>? changes, IReadOnlyList<ExerciseDose>? before)
    {
        if (decision.RuleIds.Contains(PlannerRules.LadderEntryNotMet))
        {
            replies.Add(texts.Get(MessageKeys.Ladder.NotReady));
        }

        if (decision.RuleIds.Contains(PlannerRules.AwaitingClearance))
        {
            replies.Add(texts.Get(MessageKeys.Clearance.StillWaiting));
        }

        if (decision.RuleIds.Contains(PlannerRules.LongPause))
        {
            replies.Add(texts.Get(MessageKeys.Ladder.LongBreak));
        }

        if (decision.Prescription is not { } prescription)
        {
            return;
        }

        if (prescription.Phase == ProgramPhase.ReturnLadder && prescription.LadderStep is int step)
        {
            replies.Add(texts.Get(step switch { 1 => MessageKeys.Ladder.Step1, 2 => MessageKeys.Ladder.Step2, _ => MessageKeys.Ladder.Step3 }));
        }

        if (!prescription.TrainingAllowed || prescription.Exercises.Count == 0)
        {
            replies.Add(texts.Get(MessageKeys.Prescription.Paused));
            return;
        }

        var lines = prescription.Exercises.Select((e, i) =>
        {
            var line = ExerciseLine(texts, e.ExerciseId, e.Sets, e.Reps, e.LoadKg, MessageKeys.Prescription.Item, MessageKeys.Prescription.ItemNoWeight);
            var oneRep = before is not null && i < before.Count && e.Reps == before[i].Reps + 1;
            return changes is not null && i < changes.Count && MarkKey(changes[i], oneRep) is { } mark ? line + " (" + texts.Get(mark) + ")" : line;
        });
        replies.Add(texts.Get(MessageKeys.Prescription.Intro) + "\n" + string.Join("\n", lines));
    }

    /// <summary>One exercise line: its catalog label (or the patient's own words), sets, reps and load.</summary>
    public static string ExerciseLine(Texts texts, string exerciseId, int sets, int reps, decimal loadKg, string itemKey, string? noWeightKey)
    {
        var label = ExerciseMessages.TryGetLabel(texts.Catalog, exerciseId) ?? exerciseId;
        var count = (("exercise", label), ("sets", sets.ToString(CultureInfo.InvariantCulture)), ("reps", reps.ToString(CultureInfo.InvariantCulture)));
        if (loadKg <= 0 && noWeightKey is not null)
        {
            return texts.Get(noWeightKey, count.Item1, count.Item2, count.Item3);
        }

        var load = loadKg <= 0 ? string.Empty : texts.Get(MessageKeys.Exercise.LoadKg, ("kg", loadKg.ToString("0.##", CultureInfo.InvariantCulture)));
        return texts.Get(itemKey, count.Item1, count.Item2, count.Item3, ("load", load)).TrimEnd(' ', ',');
    }
}
