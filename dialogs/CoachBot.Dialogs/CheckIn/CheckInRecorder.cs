using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Programs;
using CoachBot.Coaching.Screening;
using CoachBot.Content;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Turns;
using CoachBot.Records;

namespace CoachBot.Dialogs.CheckIn;

/// <summary>
/// Builds the structured <see cref="CheckInInput"/>, runs the core (<see cref="CheckInProcessor"/>), applies a coach's
/// override of the decision when the core allows it (<see cref="CoachOverride"/>), and stages the patient (program,
/// flags), the append-only check-in entry and any escalation into the turn's single batch. Also records the
/// flare-up escalation (<see cref="RuleTable.FlareUpLong"/>) and the safety-netting reminder when the core says they
/// are due (<see cref="CheckInCadence"/>).
/// </summary>
internal static class CheckInRecorder
{
    public static async Task<RecordedCheckIn> RecordAsync(DialogServices services, ITurnContext turn, CheckInState answers, CancellationToken cancellationToken)
    {
        var patient = await services.GetAsync(turn, cancellationToken).ConfigureAwait(false);
        var today = services.Today(patient);
        var now = services.Time.GetUtcNow();
        var program = patient.Program ?? StarterProgram.Create(patient.StartBack?.Risk ?? StartBackRisk.Medium);
        program = SyncSessions(program, answers.Sessions, today);
        var before = ProgramPlanner.CurrentDoses(program);
        var inFlareUp = answers.FlareOver is bool over ? !over : patient.InFlareUp;
        var input = new CheckInInput
        {
            PainNow = answers.PainNow,
            PainDuringLastSession = answers.SessionPain,
            PainNextMorningSettled = answers.Settled,
            PainTrendVsLastWeek = answers.Trend,
            PainTypes = answers.PainTypes.ToHashSet(),
            RadiatesBelowKnee = answers.BelowKnee,
            RedFlags = answers.Screened && answers.RedFlags.Count == 0 ? new HashSet<RedFlag> { RedFlag.None } : answers.RedFlags.ToHashSet(),
            DistressText = FreeText(answers),
            InFlareUp = inFlareUp,
            RecentSurgeryWeeks = CheckInCadence.SurgeryWeeks(patient.Screening?.SurgeryOn, today),
            SurgeryCleared = patient.Clearance is { Pending: false },
        };
        var core = CheckInProcessor.Process(program, input, services.Lexicon, today, awaitingClearance: patient.Clearance is { Pending: true });
        var pending = patient.NextDecisionOverride;
        var applied = pending is not null && CoachOverride.MayApply(core.Decision, pending.Decision) ? pending : null;
        var outcome = applied is null ? core : CoachOverride.Apply(core, program, applied.Decision, today);
        var decision = outcome.Decision;
        var serious = decision.Escalation >= Escalation.Urgent;
        var notices = new List<string>();
        var sequence = patient.CheckInCount + 1;
        var flareSince = inFlareUp ? patient.FlareUpSince ?? today : (DateOnly?)null;
        var netDue = CheckInCadence.SafetyNetDue(patient.LastSafetyNetAt, now, decision.Escalation);
        services.Patients.Stage(turn, patient with
        {
            Program = outcome.Program,
            CheckInCount = sequence,
            InFlareUp = inFlareUp,
            FlareUpSince = flareSince,
            LastRedFlagScreenOn = answers.Screened ? today : patient.LastRedFlagScreenOn,
            NextDecisionOverride = null,
            LastSafetyNetAt = netDue ? now : patient.LastSafetyNetAt,
        });
        services.CheckIns.Stage(turn, new CheckInEntry
        {
            PatientId = patient.PatientId,
            Sequence = sequence,
            RecordedAt = now,
            LocalDate = today,
            Input = outcome.Input,
            Decision = decision.Decision,
            Escalation = decision.Escalation,
            MustMention = decision.MustMention,
            FiredRules = decision.FiredRules,
            RuleSetVersion = decision.RuleSetVersion,
            Prescription = decision.Prescription,
            Override = applied,
        });
        if (decision.Escalation > answers.Escalated)
        {
            var reason = string.Join("; ", decision.FiredRules.Where(r => r.RuleId != RuleTable.PR1).Select(r => r.RuleId + ": " + r.Reason));
            if (pending is not null && applied is null)
            {
                reason += $"; the coach's decision '{pending.Decision}' was not applied: the safety result stands";
            }

            await services.EscalateAsync(turn, decision.Escalation, decision.RuleIds, "check-in " + sequence + ": " + reason, FreeText(answers), cancellationToken).ConfigureAwait(false);
        }
        else if (answers.AnythingElse is { } note)
        {
            // What the patient wrote reaches the coach page as a note: routine reading, no alert.
            await services.EscalateAsync(turn, RuleTable.LevelOf(RuleTable.Note), [RuleTable.Note], "check-in " + sequence + ": the patient's note at \"anything else?\"", note, cancellationToken).ConfigureAwait(false);
        }

        if (flareSince is DateOnly since && CheckInCadence.FlareUpTooLong(since, today))
        {
            var history = await services.History.GetAsync(turn, () => new HistoryAnswers(), cancellationToken).ConfigureAwait(false);
            if (history.FlareUpLongRaisedFor != since)
            {
                history.FlareUpLongRaisedFor = since;
                await services.History.SetAsync(turn, history, cancellationToken).ConfigureAwait(false);
                await services.EscalateAsync(turn, RuleTable.LevelOf(RuleTable.FlareUpLong), [RuleTable.FlareUpLong], $"check-in {sequence}: flare-up since {since:yyyy-MM-dd}, more than {CheckInCadence.FlareUpLongDays} days (clinical rules 7.2)", FreeText(answers), cancellationToken).ConfigureAwait(false);
                if (!serious)
                {
                    notices.Add(MessageKeys.Flareup.Lasting);
                }
            }
        }

        if (netDue)
        {
            notices.Add(MessageKeys.Safety.NettingShort);
        }

        return new RecordedCheckIn(outcome, applied is not null, notices, before);
    }

    /// <summary>What the patient wrote: messages the safety screen flagged mid-check-in, then "anything else?" (null when none).</summary>
    private static string? FreeText(CheckInState answers)
    {
        var parts = answers.SafetyNotes.Append(answers.AnythingElse).Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal).ToList();
        return parts.Count == 0 ? null : string.Join("\n", parts);
    }

    /// <summary>Adds today's sessions when the patient reports more than the program knows (history is the source of truth).</summary>
    private static PatientProgram SyncSessions(PatientProgram program, int? reported, DateOnly today)
    {
        if (reported is not int count)
        {
            return program;
        }

        var known = PatientHistory.SessionsCompletedLast2Weeks(program, today);
        for (var i = known; i < count; i++)
        {
            program = program.WithSession(today);
        }

        return program;
    }
}

/// <summary>
/// A recorded check-in: the outcome told to the patient, whether it is the coach's decision, extra notices (content
/// keys) for the end of the reply, and the session the patient was shown before (what a step up or down is measured from).
/// </summary>
internal sealed record RecordedCheckIn(CheckInOutcome Outcome, bool CoachOverride, IReadOnlyList<string> Notices, IReadOnlyList<ExerciseDose> Before);
