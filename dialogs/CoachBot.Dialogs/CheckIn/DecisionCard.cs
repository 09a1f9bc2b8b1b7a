using System.Globalization;
using System.Text.Json.Nodes;
using CoachBot.Coaching.Policy;
using CoachBot.Content;
using CoachBot.Conversation.Cards;
using CoachBot.Dialogs.Cards;
using CoachBot.Dialogs.Exercises;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Turns;

namespace CoachBot.Dialogs.CheckIn;

/// <summary>
/// The decision of a card check-in as one card: the decision in plain words, the one or two reasons that mattered,
/// every sentence the core requires (its message tokens), the next session as a table (exercise with its "how to"
/// link, sets, reps, load) and one lesson offer. After an urgent or emergency result only the safety messages are
/// sent, as plain text, exactly as in the text check-in.
/// </summary>
internal static class DecisionCard
{
    /// <summary>The submit data key holding the offered lesson's id.</summary>
    public const string LessonField = "lesson";

    public const string ReadAction = "read";
    public const string LaterAction = "later";

    /// <summary>The reason shown for each rule id (rules not listed are not shown as reasons).</summary>
    private static readonly Dictionary<string, string> ReasonKeys = new(StringComparer.Ordinal)
    {
        [RuleTable.PR1] = MessageKeys.Card.ReasonProgress, [RuleTable.ST1] = MessageKeys.Card.ReasonNotSteadyYet, [RuleTable.AD1] = MessageKeys.Card.ReasonFewSessions,
        [RuleTable.PM2] = MessageKeys.Card.ReasonPainHigh, [RuleTable.PM3] = MessageKeys.Card.ReasonFlareUp, [RuleTable.PM4] = MessageKeys.Card.ReasonNotSettled,
        [RuleTable.PM5] = MessageKeys.Card.ReasonWorse, [RuleTable.PM6] = MessageKeys.Card.ReasonSessionPainHigh, [RuleTable.PM7] = MessageKeys.Card.ReasonPainMedium,
        [RuleTable.PM8] = MessageKeys.Card.ReasonSessionPainMedium, [RuleTable.PM9] = MessageKeys.Card.ReasonUnknowns, [RuleTable.CX1] = MessageKeys.Card.ReasonFlareUpLowPain,
        [RuleTable.SX1] = MessageKeys.Card.ReasonSurgery, [RuleTable.SX2] = MessageKeys.Card.ReasonSurgery, [RuleTable.NP1] = MessageKeys.Card.ReasonLegPain,
        [RuleTable.NP2] = MessageKeys.Card.ReasonLegPain, [RuleTable.NP5] = MessageKeys.Card.ReasonLegPain, [RuleTable.NP3] = MessageKeys.Card.ReasonSharp,
        [RuleTable.NP4] = MessageKeys.Card.ReasonBurning, [RuleTable.RF5] = MessageKeys.Card.ReasonNightPain, [RuleTable.DS3] = MessageKeys.Card.ReasonHardTime,
    };

    public static async Task SendAsync(DialogServices services, ITurnContext turn, RecordedCheckIn recorded, Lesson? lesson, CancellationToken cancellationToken)
    {
        var texts = services.Texts;
        var outcome = recorded.Outcome;
        var replies = CheckInReply.Compose(texts, outcome, turn.Activity.Locale, recorded.CoachOverride, recorded.Before).ToList();
        if (outcome.Decision.Escalation >= Escalation.Urgent)
        {
            foreach (var reply in replies.Concat(recorded.Notices.Select(n => texts.Get(n))))
            {
                await turn.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var card = Build(services, turn, recorded, replies, lesson);
        if (lesson is not null && string.Equals(turn.Activity.ChannelId, Protocol.Schema.Channels.MsTeams, StringComparison.OrdinalIgnoreCase)
            && card.Attachments?[0].Content is { } content)
        {
            // Teams names the card in the lesson button's submit: kept so the card can be replaced once answered.
            var ledger = await services.Cards.GetAsync(turn, () => new CardLedger(), cancellationToken).ConfigureAwait(false);
            ledger.OfferCard = content.GetRawText();
            ledger.OfferInstance = content.GetProperty("actions")[0].GetProperty("data").GetProperty(AdaptiveCards.CardInstanceKey).GetString();
            await services.Cards.SetAsync(turn, ledger, cancellationToken).ConfigureAwait(false);
        }

        await turn.SendActivityAsync(card, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The card (also used by the tests that check the card JSON).</summary>
    public static Protocol.Schema.Activity Build(DialogServices services, ITurnContext turn, RecordedCheckIn recorded, IReadOnlyList<string> replies, Lesson? lesson)
    {
        var texts = services.Texts;
        var decision = recorded.Outcome.Decision;
        var prescription = decision.Prescription is { TrainingAllowed: true, Exercises.Count: > 0 } p ? p : null;
        var intro = texts.Get(MessageKeys.Prescription.Intro);
        var sentences = replies.Where(r => prescription is null || !r.StartsWith(intro, StringComparison.Ordinal)).ToList();
        var body = new JsonArray { CardParts.Heading(texts.Get(MessageKeys.Card.DecisionTitle)) };
        if (sentences.Count > 0)
        {
            body.Add(CardParts.Text(sentences[0], bold: true));
        }

        var reasons = decision.FiredRules.Select(r => ReasonKeys.GetValueOrDefault(r.RuleId)).OfType<string>().Distinct(StringComparer.Ordinal).Take(2).ToList();
        if (reasons.Count > 0)
        {
            body.Add(CardParts.Text(texts.Get(MessageKeys.Card.DecisionWhy), bold: true));
            body.Add(CardParts.Text(string.Join("\n", reasons.Select(k => "- " + texts.Get(k)))));
        }

        foreach (var sentence in sentences.Skip(1))
        {
            body.Add(CardParts.Text(sentence));
        }

        if (prescription is not null)
        {
            body.Add(CardParts.Text(intro, bold: true));
            var header = new[] { texts.Get(MessageKeys.Card.TableExercise), texts.Get(MessageKeys.Card.TableSets), texts.Get(MessageKeys.Card.TableReps), texts.Get(MessageKeys.Card.TableLoad) };
            var baseUrl = ExerciseCards.PublicBase(services.MediaOptions.PublicBaseUrl, turn.Activity);
            var rows = prescription.Exercises.Select(e => (IReadOnlyList<JsonObject>)
            [
                CardParts.Text(ExerciseCell(services, e.ExerciseId, baseUrl)),
                CardParts.Text(Number(e.Sets)),
                CardParts.Text(Number(e.Reps)),
                CardParts.Text(e.LoadKg <= 0 ? texts.Get(MessageKeys.Card.TableBodyWeight) : texts.Get(MessageKeys.Exercise.LoadKg, ("kg", e.LoadKg.ToString("0.##", CultureInfo.InvariantCulture)))),
            ]);
            body.Add(CardParts.Table(header, rows));
        }

        foreach (var notice in recorded.Notices)
        {
            body.Add(CardParts.Text(texts.Get(notice)));
        }

        var actions = new JsonArray();
        if (lesson is not null)
        {
            body.Add(CardParts.Text(texts.Get(MessageKeys.Lesson.Offer, ("title", lesson.Title))));
            var stamp = new CardStamp(CardIds.LessonOffer, CardIds.LessonOfferVersion, Guid.NewGuid().ToString("N"));
            var read = AdaptiveCards.Submit(texts.Get(MessageKeys.Lesson.OptionRead), stamp, ReadAction, validateInputs: false);
            var later = AdaptiveCards.Submit(texts.Get(MessageKeys.Lesson.OptionLater), stamp, LaterAction, validateInputs: false);
            read["data"]![LessonField] = lesson.Id;
            later["data"]![LessonField] = lesson.Id;
            actions.Add(read);
            actions.Add(later);
        }

        return AdaptiveCards.Message(AdaptiveCards.Card(body, actions), sentences.FirstOrDefault());
    }

    /// <summary>The exercise's name, linked to its "how to" picture or video when the host has a public address.</summary>
    private static string ExerciseCell(DialogServices services, string exerciseId, string? baseUrl)
    {
        var name = ExerciseMessages.TryGetLabel(services.Texts.Catalog, exerciseId) ?? exerciseId;
        if (baseUrl is null || services.Content.Exercises.Find(exerciseId) is not { } guide)
        {
            return name;
        }

        return "[" + name + "](" + baseUrl + ExerciseCards.MediaPath + (guide.Video ?? guide.Image) + ")";
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
