using System.Globalization;
using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Programs;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Turns;
using CoachBot.Storage.Records;

namespace CoachBot.Dialogs.Actions;

/// <summary>"My progress": the pain trend from the recorded check-ins and the decisions so far.</summary>
internal static class ProgressReport
{
    public static async Task SendAsync(DialogServices services, ITurnContext turn, PatientRecord patient, CancellationToken cancellationToken)
    {
        var texts = services.Texts;
        var entries = await services.CheckIns.ListAsync(patient.PatientId, cancellationToken).ConfigureAwait(false);
        if (entries.Count == 0)
        {
            await turn.SendActivityAsync(texts.Get(Keys.ProgressNone), cancellationToken).ConfigureAwait(false);
            return;
        }

        await turn.SendActivityAsync(texts.Get(Keys.ProgressIntro, ("name", PatientAccess.NameOf(patient, turn))), cancellationToken).ConfigureAwait(false);
        var trend = patient.Program is { } program ? PatientHistory.TrendVsLastWeek(program, services.Today(patient), entries[^1].Input.PainNow) : null;
        if (trend is null && entries.Count >= 2)
        {
            trend = PatientHistory.Trend(entries[0].Input.PainNow, entries[^1].Input.PainNow);
        }

        await turn.SendActivityAsync(texts.Get(trend switch
        {
            PainTrend.Better => Keys.ProgressTrendBetter,
            PainTrend.Same => Keys.ProgressTrendSame,
            PainTrend.Worse => Keys.ProgressTrendWorse,
            _ => Keys.ProgressTrendUnknown,
        }), cancellationToken).ConfigureAwait(false);
        string Count(Decision d) => entries.Count(e => e.Decision == d).ToString(CultureInfo.InvariantCulture);
        var change = texts.Get(Keys.ProgressPainChange, ("first", entries[0].Input.PainNow.ToString(CultureInfo.InvariantCulture)), ("last", entries[^1].Input.PainNow.ToString(CultureInfo.InvariantCulture)));
        var summary = texts.Get(
            Keys.ProgressSummary,
            ("checkin_count", entries.Count.ToString(CultureInfo.InvariantCulture)),
            ("progress_count", Count(Decision.Progress)),
            ("hold_count", Count(Decision.Hold)),
            ("pause_count", Count(Decision.Pause)));
        await turn.SendActivityAsync(change + " " + summary, cancellationToken).ConfigureAwait(false);
    }
}
