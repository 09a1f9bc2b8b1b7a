using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Programs;
using CoachBot.Content;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Turns;
using CoachBot.Records;

namespace CoachBot.Dialogs.Actions;

/// <summary>
/// "I'm having a flare-up": marks the flare-up, sends the flare-up plan, and when a new flare-up starts within
/// 4 weeks of the last one (the core decides: <see cref="CheckInCadence.FlareUpRepeated"/>), records a routine escalation
/// for coaches and says so.
/// </summary>
internal static class FlareUpReport
{
    public static async Task StartAsync(DialogServices services, ITurnContext turn, PatientRecord patient, CancellationToken cancellationToken)
    {
        await turn.SendActivityAsync(services.Texts.Get(MessageKeys.Flareup.Plan), cancellationToken).ConfigureAwait(false);
        await RecordAsync(services, turn, patient, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records the flare-up (and a second one within the window for the coaches), without showing the plan.</summary>
    public static async Task RecordAsync(DialogServices services, ITurnContext turn, PatientRecord patient, CancellationToken cancellationToken)
    {
        var today = services.Today(patient);
        await services.UpdateAsync(turn, p => p with { InFlareUp = true, FlareUpSince = p.FlareUpSince ?? today }, cancellationToken).ConfigureAwait(false);
        if (patient.InFlareUp)
        {
            return; // the same flare-up, told again
        }

        var history = await services.History.GetAsync(turn, () => new HistoryAnswers(), cancellationToken).ConfigureAwait(false);
        var previous = history.FlareUpStarts.Count > 0 ? history.FlareUpStarts[^1] : (DateOnly?)null;
        history.FlareUpStarts = [.. history.FlareUpStarts.TakeLast(9), today];
        await services.History.SetAsync(turn, history, cancellationToken).ConfigureAwait(false);
        if (previous is DateOnly last && CheckInCadence.FlareUpRepeated(last, today))
        {
            await services.EscalateAsync(turn, RuleTable.LevelOf(RuleTable.FlareUpRepeat), [RuleTable.FlareUpRepeat], $"a second flare-up within {CheckInCadence.FlareUpRepeatDays} days (the last one started {last:yyyy-MM-dd}; clinical rules 7.2)", turn.Activity.Text, cancellationToken).ConfigureAwait(false);
            await turn.SendActivityAsync(services.Texts.Get(MessageKeys.Flareup.Second), cancellationToken).ConfigureAwait(false);
        }
    }
}
