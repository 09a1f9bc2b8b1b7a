using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Programs;
using CoachBot.Coaching.Screening;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Turns;
using CoachBot.Storage.Records;

namespace CoachBot.Dialogs.CheckIn;

/// <summary>
/// Builds the structured <see cref="CheckInInput"/>, runs the core (<see cref="CheckInProcessor"/>) and stages the
/// patient (program, flags), the append-only check-in entry and any escalation into the turn's single batch.
/// </summary>
internal static class CheckInRecorder
{
    public static async Task<CheckInOutcome> RecordAsync(DialogServices services, ITurnContext turn, CheckInState answers, CancellationToken cancellationToken)
    {
        var patient = await services.GetAsync(turn, cancellationToken).ConfigureAwait(false);
        var today = services.Today(patient);
        var program = patient.Program ?? StarterProgram.Create(patient.StartBack?.Risk ?? StartBackRisk.Medium);
        program = SyncSessions(program, answers.Sessions, today);
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
        };
        var outcome = CheckInProcessor.Process(program, input, services.Lexicon, today);
        var decision = outcome.Decision;
        var sequence = patient.CheckInCount + 1;
        services.Patients.Stage(turn, patient with
        {
            Program = outcome.Program,
            CheckInCount = sequence,
            InFlareUp = inFlareUp,
            FlareUpSince = inFlareUp ? patient.FlareUpSince ?? today : null,
            LastRedFlagScreenOn = answers.Screened ? today : patient.LastRedFlagScreenOn,
        });
        services.CheckIns.Stage(turn, new CheckInEntry
        {
            PatientId = patient.PatientId,
            Sequence = sequence,
            RecordedAt = services.Time.GetUtcNow(),
            LocalDate = today,
            Input = outcome.Input,
            Decision = decision.Decision,
            Escalation = decision.Escalation,
            MustMention = decision.MustMention,
            FiredRules = decision.FiredRules,
            RuleSetVersion = decision.RuleSetVersion,
            Prescription = decision.Prescription,
        });
        if (decision.Escalation > answers.Escalated)
        {
            var reason = string.Join("; ", decision.FiredRules.Where(r => r.RuleId != "PR-1").Select(r => r.RuleId + ": " + r.Reason));
            services.Escalate(turn, decision.Escalation, decision.RuleIds, "check-in " + sequence + ": " + reason, FreeText(answers));
        }

        return outcome;
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
