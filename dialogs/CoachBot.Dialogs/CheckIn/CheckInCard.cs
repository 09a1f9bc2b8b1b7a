using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Coaching.CheckIns;
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
        [(PainTrend.Better, "better", Keys.TrendBetter), (PainTrend.Same, "same", Keys.TrendSame), (PainTrend.Worse, "worse", Keys.TrendWorse)];

    /// <summary>The input id of a red-flag question.</summary>
    public static string RedFlagField(RedFlag flag) => "rf_" + flag.ToString().ToLowerInvariant();

    /// <summary>The card message; <paramref name="values"/> (an earlier submit) fills the inputs again.</summary>
    public static Activity Build(Texts texts, CheckInCardLayout layout, CardStamp stamp, JsonElement? values)
    {
        string? Value(string id) => values is { } v ? AdaptiveCards.GetString(v, id) : null;
        var yesNoNotSure = new[] { (texts.Get(Keys.Yes), Yes), (texts.Get(Keys.No), No), (texts.Get(Keys.NotSure), NotSure) };
        var body = new JsonArray { CardParts.Heading(texts.Get(Keys.CardCheckInTitle)), CardParts.Text(texts.Get(Keys.CardCheckInIntro)) };
        if (layout.Flare)
        {
            body.Add(CardParts.Choices(FlareField, texts.Get(Keys.FlareUpAskIsOver), [(texts.Get(Keys.FlareUpOver), Yes), (texts.Get(Keys.FlareUpNotOver), No)], true, texts.Get(Keys.CardErrorChoose), Value(FlareField)));
        }

        body.Add(CardParts.Number(PainNowField, texts.Get(Keys.CardPainNowLabel), 0, 10, true, texts.Get(Keys.CardErrorPainNow), AdaptiveInt(values, PainNowField)));
        var types = PainTypeKeys.All.Select(p => (texts.Get(p.Value), WireName(p.Key)));
        body.Add(CardParts.Choices(PainTypesField, texts.Get(Keys.CardPainTypesLabel), types, false, null, Value(PainTypesField), multi: true));
        body.Add(CardParts.Choices(BelowKneeField, texts.Get(Keys.AskBelowKnee), yesNoNotSure, true, texts.Get(Keys.CardErrorChoose), Value(BelowKneeField)));
        body.Add(CardParts.Number(SessionPainField, texts.Get(Keys.CardSessionPainLabel), 0, 10, false, texts.Get(Keys.CardErrorSessionPain), AdaptiveInt(values, SessionPainField)));
        body.Add(CardParts.Choices(SettledField, texts.Get(Keys.AskSettled), yesNoNotSure, true, texts.Get(Keys.CardErrorChoose), Value(SettledField)));
        body.Add(CardParts.Number(SessionsField, texts.Get(Keys.AskSessionsDone), 0, MaxSessions, true, texts.Get(Keys.CardErrorSessions), AdaptiveInt(values, SessionsField)));
        if (layout.Trend)
        {
            body.Add(CardParts.Choices(TrendField, texts.Get(Keys.AskTrend), Trends.Select(t => (texts.Get(t.Key), t.Value)), true, texts.Get(Keys.CardErrorChoose), Value(TrendField)));
        }

        if (layout.RedFlags)
        {
            body.Add(CardParts.Heading(texts.Get(Keys.CardRedFlagsTitle)));
            foreach (var (flag, key) in RedFlagQuestions.All.Where(q => layout.AskCancer || !RedFlagQuestions.IsStaticHistory(q.Flag)))
            {
                body.Add(CardParts.Choices(RedFlagField(flag), texts.Get(key), yesNoNotSure, true, texts.Get(Keys.CardErrorChoose), Value(RedFlagField(flag))));
            }
        }

        body.Add(CardParts.TextInput(TextField, texts.Get(Keys.CardAnythingElseLabel), texts.Get(Keys.CardAnythingElseHint), Value(TextField)));
        var actions = new JsonArray { AdaptiveCards.Submit(texts.Get(Keys.CardCheckInSend), stamp) };
        return AdaptiveCards.Message(AdaptiveCards.Card(body, actions), texts.Get(Keys.CardCheckInTitle));
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
            problems.Add(Keys.CardErrorFlare);
        }

        var pain = AdaptiveCards.GetInt(values, PainNowField);
        if (pain is not (>= 0 and <= 10))
        {
            problems.Add(Keys.CardErrorPainNow);
        }

        var belowKnee = YesNo(values, BelowKneeField);
        if (belowKnee is null)
        {
            problems.Add(Keys.CardErrorBelowKnee);
        }

        var sessionPainText = AdaptiveCards.GetString(values, SessionPainField);
        var sessionPain = AdaptiveCards.GetInt(values, SessionPainField);
        if (sessionPainText is not null && sessionPain is not (>= 0 and <= 10))
        {
            problems.Add(Keys.CardErrorSessionPain);
        }

        var settled = YesNo(values, SettledField);
        if (settled is null)
        {
            problems.Add(Keys.CardErrorSettled);
        }

        var sessions = AdaptiveCards.GetInt(values, SessionsField);
        if (sessions is not (>= 0 and <= MaxSessions))
        {
            problems.Add(Keys.CardErrorSessions);
        }

        var trendText = AdaptiveCards.GetString(values, TrendField);
        var trend = Trends.Where(t => t.Value == trendText).Select(t => (PainTrend?)t.Trend).FirstOrDefault();
        if (layout.Trend && trend is null)
        {
            problems.Add(Keys.CardErrorTrend);
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
                    problems.Add(Keys.CardErrorRedFlags);
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
