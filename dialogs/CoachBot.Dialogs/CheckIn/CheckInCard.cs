using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Coaching.CheckIns;
using CoachBot.Content;
using CoachBot.Conversation.Cards;
using CoachBot.Dialogs.Cards;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Schema;

namespace CoachBot.Dialogs.CheckIn;

/// <summary>
/// The check-in as one Adaptive Card: flare-up over (when in one), pain now, pain types, below the knee, worst pain in
/// the last session, settled by next morning, sessions done, the trend (only when history has none), the red-flag
/// questions (when due) and a free-text box. <see cref="Read"/> turns a submit into the same <see cref="CheckInState"/>
/// the text waterfall builds, or into the problems to fix.
/// </summary>
internal static class CheckInCard
{
    public const string FlareField = "flareOver";
    public const string PainNowField = "painNow";
    public const string PainTypesField = "painTypes";
    public const string BelowKneeField = "belowKnee";
    public const string SessionPainField = "sessionPain";
    public const string SettledField = "settled";
    public const string SessionsField = "sessions";
    public const string TrendField = "trend";

    /// <summary>The free-text box; named <c>text</c> so the safety screen reads it like a typed message.</summary>
    public const string TextField = "text";

    public const string Yes = "yes";
    public const string No = "no";
    public const string NotSure = "not_sure";

    private static readonly (PainTrend Trend, string Value, string Key)[] Trends =
        [(PainTrend.Better, "better", MessageKeys.Checkin.TrendOptionBetter), (PainTrend.Same, "same", MessageKeys.Checkin.TrendOptionSame), (PainTrend.Worse, "worse", MessageKeys.Checkin.TrendOptionWorse)];

    /// <summary>The input id of a red-flag question.</summary>
    public static string RedFlagField(RedFlag flag) => "rf_" + flag.ToString().ToLowerInvariant();

    /// <summary>The card message; <paramref name="values"/> (an earlier submit) fills the inputs again.</summary>
    public static Activity Build(Texts texts, CheckInCardLayout layout, CardStamp stamp, JsonElement? values)
    {
        string? Value(string id) => values is { } v ? AdaptiveCards.GetString(v, id) : null;
        var yesNoNotSure = new[] { (texts.Get(MessageKeys.Common.OptionYes), Yes), (texts.Get(MessageKeys.Common.OptionNo), No), (texts.Get(MessageKeys.Common.OptionNotSure), NotSure) };
        var body = new JsonArray { CardParts.Heading(texts.Get(MessageKeys.Card.CheckinTitle)), CardParts.Text(texts.Get(MessageKeys.Card.CheckinIntro)) };
        if (layout.Flare)
        {
            body.Add(CardParts.Choices(FlareField, texts.Get(MessageKeys.Flareup.AskIsOver), [(texts.Get(MessageKeys.Flareup.OptionOver), Yes), (texts.Get(MessageKeys.Flareup.OptionNotOver), No)], true, texts.Get(MessageKeys.Card.ErrorChoose), Value(FlareField)));
        }

        body.Add(CardParts.Number(PainNowField, texts.Get(MessageKeys.Card.CheckinLabelPainNow), 0, 10, true, texts.Get(MessageKeys.Card.ErrorPainNow), AdaptiveInt(values, PainNowField)));
        var types = PainTypeKeys.All.Select(p => (texts.Get(p.Value), WireName(p.Key)));
        body.Add(CardParts.Choices(PainTypesField, texts.Get(MessageKeys.Card.CheckinLabelPainTypes), types, false, null, Value(PainTypesField), multi: true));
        body.Add(CardParts.Choices(BelowKneeField, texts.Get(MessageKeys.Checkin.AskBelowKnee), yesNoNotSure, true, texts.Get(MessageKeys.Card.ErrorChoose), Value(BelowKneeField)));
        body.Add(CardParts.Number(SessionPainField, texts.Get(MessageKeys.Card.CheckinLabelSessionPain), 0, 10, false, texts.Get(MessageKeys.Card.ErrorSessionPain), AdaptiveInt(values, SessionPainField)));
        body.Add(CardParts.Choices(SettledField, texts.Get(MessageKeys.Checkin.AskSettledNextMorning), yesNoNotSure, true, texts.Get(MessageKeys.Card.ErrorChoose), Value(SettledField)));
        body.Add(CardParts.Number(SessionsField, texts.Get(MessageKeys.Checkin.AskSessionsDone), 0, MaxSessions, true, texts.Get(MessageKeys.Card.ErrorSessions), AdaptiveInt(values, SessionsField)));
        if (layout.Trend)
        {
            body.Add(CardParts.Choices(TrendField, texts.Get(MessageKeys.Checkin.AskTrend), Trends.Select(t => (texts.Get(t.Key), t.Value)), true, texts.Get(MessageKeys.Card.ErrorChoose), Value(TrendField)));
        }

        if (layout.RedFlags)
        {
            body.Add(CardParts.Heading(texts.Get(MessageKeys.Card.CheckinRedFlagsTitle)));
            foreach (var (flag, key) in RedFlagQuestions.All.Where(q => layout.AskCancer || !RedFlagQuestions.IsStaticHistory(q.Flag)))
            {
                body.Add(CardParts.Choices(RedFlagField(flag), texts.Get(key), yesNoNotSure, true, texts.Get(MessageKeys.Card.ErrorChoose), Value(RedFlagField(flag))));
            }
        }

        body.Add(CardParts.TextInput(TextField, texts.Get(MessageKeys.Card.CheckinLabelAnythingElse), texts.Get(MessageKeys.Card.CheckinHintAnythingElse), Value(TextField)));
        var actions = new JsonArray { AdaptiveCards.Submit(texts.Get(MessageKeys.Card.CheckinSend), stamp) };
        return AdaptiveCards.Message(AdaptiveCards.Card(body, actions), texts.Get(MessageKeys.Card.CheckinTitle));
    }

    /// <summary>The most sessions in 2 weeks the card accepts (the text prompt's limit).</summary>
    public const int MaxSessions = 60;

    /// <summary>
    /// Reads a submit. Returns the answers and no problems, or the content keys of what is missing or out of range
    /// (answers then null). "Not sure" and yes count as yes for the red flags and below the knee (the cautious reading).
    /// </summary>
    public static (CheckInState? Answers, IReadOnlyList<string> Problems, bool? CancerHistory) Read(CheckInCardLayout layout, JsonElement values)
    {
        var problems = new List<string>();
        var flare = AdaptiveCards.GetString(values, FlareField);
        if (layout.Flare && flare is not (Yes or No))
        {
            problems.Add(MessageKeys.Card.ErrorFlare);
        }

        var pain = AdaptiveCards.GetInt(values, PainNowField);
        if (pain is not (>= 0 and <= 10))
        {
            problems.Add(MessageKeys.Card.ErrorPainNow);
        }

        var belowKnee = YesNo(values, BelowKneeField);
        if (belowKnee is null)
        {
            problems.Add(MessageKeys.Card.ErrorBelowKnee);
        }

        var sessionPainText = AdaptiveCards.GetString(values, SessionPainField);
        var sessionPain = AdaptiveCards.GetInt(values, SessionPainField);
        if (sessionPainText is not null && sessionPain is not (>= 0 and <= 10))
        {
            problems.Add(MessageKeys.Card.ErrorSessionPain);
        }

        var settled = YesNo(values, SettledField);
        if (settled is null)
        {
            problems.Add(MessageKeys.Card.ErrorSettled);
        }

        var sessions = AdaptiveCards.GetInt(values, SessionsField);
        if (sessions is not (>= 0 and <= MaxSessions))
        {
            problems.Add(MessageKeys.Card.ErrorSessions);
        }

        var trendText = AdaptiveCards.GetString(values, TrendField);
        var trend = Trends.Where(t => t.Value == trendText).Select(t => (PainTrend?)t.Trend).FirstOrDefault();
        if (layout.Trend && trend is null)
        {
            problems.Add(MessageKeys.Card.ErrorTrend);
        }

        var flags = new List<RedFlag>();
        bool? cancer = null;
        if (layout.RedFlags)
        {
            foreach (var (flag, _) in RedFlagQuestions.All.Where(q => layout.AskCancer || !RedFlagQuestions.IsStaticHistory(q.Flag)))
            {
                var answer = YesNo(values, RedFlagField(flag));
                if (answer is null)
                {
                    problems.Add(MessageKeys.Card.ErrorRedFlags);
                    continue;
                }

                if (answer != No)
                {
                    flags.Add(flag);
                }

                if (RedFlagQuestions.IsStaticHistory(flag) && answer != NotSure)
                {
                    cancer = answer == Yes;
                }
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems.Distinct(StringComparer.Ordinal).ToList(), null);
        }

        var answers = new CheckInState
        {
            FlareOver = layout.Flare ? flare == Yes : null,
            PainNow = pain!.Value,
            HasPainNow = true,
            PainTypes = ReadPainTypes(values),
            BelowKnee = belowKnee != No,
            SessionPain = sessionPain,
            Settled = settled switch { Yes => true, No => false, _ => null },
            Sessions = sessions,
            Trend = trend,
            Screened = layout.RedFlags,
            RedFlags = flags,
            AnythingElse = AdaptiveCards.GetString(values, TextField),
        };
        return (answers, [], cancer);
    }

    /// <summary>Pain types from the multi-select ("ache,stiffness"); unknown values are ignored.</summary>
    public static List<PainType> ReadPainTypes(JsonElement values) =>
        (AdaptiveCards.GetString(values, PainTypesField) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => PainTypeKeys.All.Keys.FirstOrDefault(t => WireName(t) == v, (PainType)(-1)))
            .Where(t => (int)t >= 0)
            .Distinct()
            .ToList();

    private static string? YesNo(JsonElement values, string field) =>
        AdaptiveCards.GetString(values, field) is { } v && v is Yes or No or NotSure ? v : null;

    private static int? AdaptiveInt(JsonElement? values, string field) => values is { } v ? AdaptiveCards.GetInt(v, field) : null;

    private static string WireName(PainType type) => type.ToString().ToLowerInvariant();
}

/// <summary>Which optional parts a check-in card shows.</summary>
internal sealed record CheckInCardLayout(bool Flare, bool Trend, bool RedFlags, bool AskCancer);
