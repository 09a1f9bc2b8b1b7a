using System.Globalization;
using System.Text.Json.Nodes;
using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Programs;
using CoachBot.Content;
using CoachBot.Conversation.Cards;
using CoachBot.Dialogs.Cards;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;
using CoachBot.Records;

namespace CoachBot.Dialogs.Actions;

/// <summary>
/// "My progress": the pain trend from the recorded check-ins (better, about the same, worse) and the decisions so
/// far. Counts pick the content key for one or for many; a decision that never happened is not mentioned.
/// </summary>
internal static class ProgressReport
{
    public static async Task SendAsync(DialogServices services, ITurnContext turn, PatientRecord patient, CancellationToken cancellationToken)
    {
        var texts = services.Texts;
        var entries = await services.CheckIns.ListAsync(patient.PatientId, cancellationToken).ConfigureAwait(false);
        if (entries.Count == 0)
        {
            await turn.SendActivityAsync(texts.Get(MessageKeys.Progress.None), cancellationToken).ConfigureAwait(false);
            return;
        }

        await turn.SendActivityAsync(texts.Get(MessageKeys.Progress.Intro, ("name", PatientAccess.NameOf(patient, turn))), cancellationToken).ConfigureAwait(false);
        if (AdaptiveCards.Supported(turn.Activity.ChannelId) && ProgressChart.Draw(entries) is { } png)
        {
            await turn.SendActivityAsync(ChartCard(texts, ChartUrl(services, turn, patient, png), entries[^1]), cancellationToken).ConfigureAwait(false);
        }
        var trend = patient.Program is { } program ? PatientHistory.TrendVsLastWeek(program, services.Today(patient), entries[^1].Input.PainNow) : null;
        if (trend is null && entries.Count >= 2)
        {
            trend = PatientHistory.Trend(entries[0].Input.PainNow, entries[^1].Input.PainNow);
        }

        await turn.SendActivityAsync(texts.Get(trend switch
        {
            PainTrend.Better => MessageKeys.Progress.PainTrendBetter,
            PainTrend.Same => MessageKeys.Progress.PainTrendSame,
            PainTrend.Worse => MessageKeys.Progress.PainTrendWorse,
            _ => MessageKeys.Progress.PainTrendUnknown,
        }), cancellationToken).ConfigureAwait(false);

        var first = entries[0].Input.PainNow;
        var last = entries[^1].Input.PainNow;
        var sentences = new List<string>
        {
            entries.Count == 1 ? texts.Get(MessageKeys.Progress.PainSingle, ("pain", Number(last)))
                : first == last ? texts.Get(MessageKeys.Progress.PainStayed, ("pain", Number(last)))
                : texts.Get(MessageKeys.Progress.PainChange, ("first", Number(first)), ("last", Number(last))),
            Counted(texts, entries.Count, MessageKeys.Progress.CheckinsOne, MessageKeys.Progress.CheckinsMany, "checkin_count"),
        };
        foreach (var (decision, one, many, name) in new[]
        {
            (Decision.Progress, MessageKeys.Progress.SteppedUpOne, MessageKeys.Progress.SteppedUpMany, "progress_count"),
            (Decision.Hold, MessageKeys.Progress.HeldSteadyOne, MessageKeys.Progress.HeldSteadyMany, "hold_count"),
            (Decision.Pause, MessageKeys.Progress.TookABreakOne, MessageKeys.Progress.TookABreakMany, "pause_count"),
        })
        {
            var count = entries.Count(e => e.Decision == decision);
            if (count > 0)
            {
                sentences.Add(Counted(texts, count, one, many, name));
            }
        }

        await turn.SendActivityAsync(string.Join(" ", sentences), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Where the card finds the chart. Teams gets an https address on this host (<see cref="ChartLinks"/>) when the
    /// host's public address is known (<c>Content:PublicBaseUrl</c>): its desktop and web clients do not reliably show
    /// data: URI images in Adaptive Cards. Web Chat renders a data: URI, so it gets the picture in the card (a few
    /// kilobytes), as does Teams when no public address is set.
    /// </summary>
    private static string ChartUrl(DialogServices services, ITurnContext turn, PatientRecord patient, byte[] png) =>
        string.Equals(turn.Activity.ChannelId, Channels.MsTeams, StringComparison.OrdinalIgnoreCase)
            && Exercises.ExerciseCards.PublicBase(services.MediaOptions.PublicBaseUrl, turn.Activity) is { } baseUrl
            ? ChartLinks.Publish(turn, patient.PatientId, png, baseUrl, services.Time.GetUtcNow())
            : DataUriPrefix + Convert.ToBase64String(png);

    /// <summary>The chart as an Adaptive Card image (at <paramref name="url"/>) with one sentence of what it shows.</summary>
    public static Activity ChartCard(Texts texts, string url, CheckInEntry last)
    {
        var image = new JsonObject
        {
            ["type"] = "Image",
            ["url"] = url,
            ["altText"] = texts.Get(MessageKeys.Progress.ChartAlt),
            ["size"] = "Stretch",
        };
        var sentence = texts.Get(MessageKeys.Progress.ChartSentence, ("last", Number(last.Input.PainNow)), ("number", Number(last.Input.SessionsCompletedLast2Weeks)));
        var body = new JsonArray { image, CardParts.Text(sentence) };
        return AdaptiveCards.Message(AdaptiveCards.Card(body), sentence);
    }

    /// <summary>The start of the chart's data: URI.</summary>
    public const string DataUriPrefix = "data:image/png;base64,";

    private static string Counted(Texts texts, int count, string oneKey, string manyKey, string placeholder) =>
        count == 1 ? texts.Get(oneKey) : texts.Get(manyKey, (placeholder, Number(count)));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
