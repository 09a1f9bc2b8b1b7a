using CoachBot.Coaching.Policy;
using CoachBot.Content;
using CoachBot.Dialogs.Onboarding;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Turns;
using CoachBot.Records;

namespace CoachBot.Dialogs.Actions;

/// <summary>
/// "My doctor said yes": releases a programme held by the pre-exercise screening, recorded as the patient's report with
/// the date and their words (clinical rules 9.1), tells the coach with a note, and shows the plan.
/// </summary>
internal static class ClearanceReport
{
    public static async Task RecordAsync(DialogServices services, ITurnContext turn, PatientRecord patient, CancellationToken cancellationToken)
    {
        if (patient.Clearance is not { Pending: true } held)
        {
            await turn.SendActivityAsync(services.Texts.Get(MessageKeys.Clearance.NotNeeded), cancellationToken).ConfigureAwait(false);
            return;
        }

        var now = services.Time.GetUtcNow();
        var released = held with { ClearedAt = now, ClearedBy = TrainingClearance.PatientReport, Note = turn.Activity.Text, PatientTold = true };
        await services.UpdateAsync(turn, p => p with { Clearance = released }, cancellationToken).ConfigureAwait(false);
        await services.EscalateAsync(turn, RuleTable.LevelOf(RuleTable.ClearancePatientReport), [RuleTable.ClearancePatientReport, .. held.RuleIds], "the patient reports that their doctor agreed to training; the hold (" + string.Join(", ", held.RuleIds) + ") is released on their report", turn.Activity.Text, cancellationToken).ConfigureAwait(false);
        await turn.SendActivityAsync(services.Texts.Get(MessageKeys.Clearance.ReleasedDoctor), cancellationToken).ConfigureAwait(false);
        if (patient.Program is { } program)
        {
            await PlanMessages.SendAsync(services, turn, program, patient.Experience, cancellationToken).ConfigureAwait(false);
        }
    }
}
