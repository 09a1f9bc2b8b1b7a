using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Coaching.Programs;
using CoachBot.Coaching.Screening;
using CoachBot.Conversation.Cards;
using CoachBot.Dialogs.Cards;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Schema;

namespace CoachBot.Dialogs.Onboarding;

/// <summary>
/// The welcome and the onboarding questions grouped into five cards: about you, your health (the pre-exercise
/// screening with the red-flag questions), the STarT Back questions, goals and training, and the check-in times.
/// Free-text inputs have ids starting with <c>text</c>, so the safety screen reads them like typed messages.
/// </summary>
internal static class OnboardingCards
{
    public const string Yes = "yes";
    public const string No = "no";
    public const string NotSure = "not_sure";
    public const string ConsentMore = "more";

    public static readonly Equipment[] EquipmentValues = [Equipment.None, Equipment.Bands, Equipment.Dumbbells, Equipment.Kettlebell, Equipment.BarbellAndRack, Equipment.Gym];
    private static readonly string[] EquipmentKeys = [Keys.TrainingEquipmentNone, Keys.TrainingEquipmentBands, Keys.TrainingEquipmentDumbbells, Keys.TrainingEquipmentKettlebell, Keys.TrainingEquipmentBarbell, Keys.TrainingEquipmentGym];
    public static readonly TrainingExperience[] ExperienceValues = [TrainingExperience.None, TrainingExperience.LessThanAYear, TrainingExperience.AYearOrMore];
    private static readonly string[] ExperienceKeys = [Keys.TrainingExperienceNone, Keys.TrainingExperienceLessThanAYear, Keys.TrainingExperienceAYearOrMore];
    private static readonly DayOfWeek[] Week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>The welcome: what CoachBot is and is not, the emergency line, and the consent buttons.</summary>
    public static Activity Welcome(Texts texts, string? locale, CardStamp stamp)
    {
        var body = new JsonArray
        {
            CardParts.Heading(texts.Get(Keys.WelcomeHello)),
            CardParts.Text(texts.Get(Keys.WelcomeWhatIDo)),
            CardParts.Text(texts.Get(Keys.WelcomeWhatIAmNot)),
            CardParts.Text(texts.Get(Keys.WelcomeEmergencyInfo, ("emergency_number", texts.EmergencyNumber(locale))), bold: true),
            CardParts.Text(texts.Get(Keys.CardWelcomeHowLong)),
            CardParts.Text(texts.Get(Keys.ConsentAsk)),
        };
        var actions = new JsonArray
        {
            AdaptiveCards.Submit(texts.Get(Keys.ConsentYes), stamp, Yes, validateInputs: false),
            AdaptiveCards.Submit(texts.Get(Keys.ConsentNo), stamp, No, validateInputs: false),
            AdaptiveCards.Submit(texts.Get(Keys.ConsentMoreOption), stamp, ConsentMore, validateInputs: false),
        };
        return AdaptiveCards.Message(AdaptiveCards.Card(body, actions), texts.Get(Keys.WelcomeHello));
    }

    public static Activity About(Texts texts, CardStamp stamp, JsonElement? values)
    {
        var body = new JsonArray
        {
            CardParts.Heading(texts.Get(Keys.CardAboutTitle)),
            CardParts.TextInput("text_name", texts.Get(Keys.AskName), null, Value(values, "text_name"), multiline: false, maxLength: 60, required: true, error: texts.Get(Keys.CardErrorName)),
            CardParts.Number("age", texts.Get(Keys.CardAgeLabel), 12, 110, true, texts.Get(Keys.CardErrorAge), Int(values, "age")),
            CardParts.Number("basePain", texts.Get(Keys.AskBaselinePain), 0, 10, true, texts.Get(Keys.CardErrorBasePain), Int(values, "basePain")),
            CardParts.TextInput("text_activity", texts.Get(Keys.AskFunctionActivity), null, Value(values, "text_activity"), multiline: false, maxLength: 200),
            CardParts.Number("activityScore", texts.Get(Keys.CardFunctionScoreLabel), 0, 10, false, texts.Get(Keys.CardErrorScore), Int(values, "activityScore")),
        };
        return Form(texts, body, stamp);
    }

    public static Activity Health(Texts texts, CardStamp stamp, JsonElement? values, int? age, bool askCancer)
    {
        var yesNo = YesNoNotSure(texts);
        string? V(string id) => Value(values, id);
        var body = new JsonArray
        {
            CardParts.Heading(texts.Get(Keys.CardHealthTitle)),
            CardParts.Text(texts.Get(Keys.ScreeningIntro)),
            CardParts.Choices("surgery", texts.Get(Keys.AskRecentSurgery), [(texts.Get(Keys.ScreeningSurgery), "surgery"), (texts.Get(Keys.ScreeningInjection), "injection"), (texts.Get(Keys.No), No)], true, texts.Get(Keys.CardErrorChoose), V("surgery")),
            CardParts.Number("surgeryWeeks", texts.Get(Keys.CardSurgeryWeeksLabel), 0, 13, false, texts.Get(Keys.CardErrorSurgeryWeeks), Int(values, "surgeryWeeks")),
            CardParts.Choices("pregnancy", texts.Get(Keys.ScreeningAskPregnancy), yesNo, true, texts.Get(Keys.CardErrorChoose), V("pregnancy")),
            CardParts.Choices("bones", texts.Get(Keys.ScreeningAskBones), yesNo, true, texts.Get(Keys.CardErrorChoose), V("bones")),
            CardParts.Choices("spine", texts.Get(Keys.ScreeningAskSpineCondition), yesNo, true, texts.Get(Keys.CardErrorChoose), V("spine")),
            CardParts.Choices("health", texts.Get(Keys.ScreeningAskGeneralHealth), yesNo, true, texts.Get(Keys.CardErrorChoose), V("health")),
        };
        if (PreExerciseScreening.AgeAsksAboutNewPain(age))
        {
            body.Add(CardParts.Choices("newPain", texts.Get(Keys.ScreeningAskNewPain), yesNo, true, texts.Get(Keys.CardErrorChoose), V("newPain")));
        }

        body.Add(CardParts.Heading(texts.Get(Keys.CardRedFlagsTitle)));
        foreach (var (flag, key) in RedFlagQuestions.All.Where(q => askCancer || !RedFlagQuestions.IsStaticHistory(q.Flag)))
        {
            var id = CheckIn.CheckInCard.RedFlagField(flag);
            body.Add(CardParts.Choices(id, texts.Get(RedFlagQuestions.OnboardingKey(flag, key)), yesNo, true, texts.Get(Keys.CardErrorChoose), V(id)));
        }

        return Form(texts, body, stamp);
    }

    public static Activity StartBackCard(Texts texts, CardStamp stamp, JsonElement? values)
    {
        var body = new JsonArray { CardParts.Heading(texts.Get(Keys.CardStartBackTitle)), CardParts.Text(texts.Get(Keys.StartBackIntro)) };
        var agree = new[] { (texts.Get(Keys.StartBackAgree), "agree"), (texts.Get(Keys.StartBackDisagree), "disagree") };
        for (var i = 0; i < StartBack.AgreeItemCount; i++)
        {
            var id = "sb" + (i + 1).ToString(CultureInfo.InvariantCulture);
            body.Add(CardParts.Choices(id, texts.Get(Keys.StartBackQuestions[i]), agree, true, texts.Get(Keys.CardErrorChoose), Value(values, id)));
        }

        var q9 = Keys.StartBackQ9Options.Select((k, i) => (texts.Get(k), i.ToString(CultureInfo.InvariantCulture)));
        body.Add(CardParts.Choices("sb9", texts.Get(Keys.StartBackQ9), q9, true, texts.Get(Keys.CardErrorChoose), Value(values, "sb9")));
        return Form(texts, body, stamp);
    }

    public static Activity Training(Texts texts, CardStamp stamp, JsonElement? values)
    {
        var body = new JsonArray
        {
            CardParts.Heading(texts.Get(Keys.CardTrainingTitle)),
            CardParts.TextInput("text_goals", texts.Get(Keys.GoalsAsk), texts.Get(Keys.GoalsExamples), Value(values, "text_goals"), maxLength: 500),
            CardParts.Choices("equipment", texts.Get(Keys.TrainingAskEquipment), EquipmentKeys.Select((k, i) => (texts.Get(k), EquipmentValues[i].ToString().ToLowerInvariant())), true, texts.Get(Keys.CardErrorChoose), Value(values, "equipment")),
            CardParts.Choices("experience", texts.Get(Keys.TrainingAskExperience), ExperienceKeys.Select((k, i) => (texts.Get(k), ExperienceValues[i].ToString().ToLowerInvariant())), true, texts.Get(Keys.CardErrorChoose), Value(values, "experience")),
            CardParts.TextInput("text_exercises", texts.Get(Keys.CardOwnExercisesLabel), null, Value(values, "text_exercises"), maxLength: 1000),
        };
        return Form(texts, body, stamp);
    }

    public static Activity Schedule(Texts texts, CardStamp stamp, JsonElement? values, string? zone)
    {
        var days = Week.Select(d => (CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(d), d.ToString().ToLowerInvariant()));
        var body = new JsonArray
        {
            CardParts.Heading(texts.Get(Keys.CardScheduleTitle)),
            CardParts.Choices("days", texts.Get(Keys.CardDaysLabel), days, true, texts.Get(Keys.CardErrorDays), Value(values, "days") ?? "monday,thursday", multi: true),
            new JsonObject
            {
                ["type"] = "Input.Time", ["id"] = "time", ["label"] = texts.Get(Keys.ScheduleAskTime), ["isRequired"] = true,
                ["errorMessage"] = texts.Get(Keys.CardErrorTime), ["value"] = Value(values, "time") ?? "09:00",
            },
            CardParts.TextInput("timeZone", texts.Get(Keys.ScheduleAskTimeZone), null, Value(values, "timeZone") ?? zone, multiline: false, maxLength: 60, required: true, error: texts.Get(Keys.CardErrorTimeZone)),
        };
        return Form(texts, body, stamp);
    }

    /// <summary>Yes, no or not sure; "not sure" and no answer count as yes (the cautious reading).</summary>
    public static bool IsYes(JsonElement values, string id) => AdaptiveCards.GetString(values, id) != No;

    /// <summary>True when the choice input holds one of its answers.</summary>
    public static bool Answered(JsonElement values, string id) => AdaptiveCards.GetString(values, id) is Yes or No or NotSure;

    private static (string, string)[] YesNoNotSure(Texts texts) => [(texts.Get(Keys.Yes), Yes), (texts.Get(Keys.No), No), (texts.Get(Keys.NotSure), NotSure)];

    private static Activity Form(Texts texts, JsonArray body, CardStamp stamp) =>
        AdaptiveCards.Message(AdaptiveCards.Card(body, [AdaptiveCards.Submit(texts.Get(Keys.CardNext), stamp)]), body[0]!["text"]!.GetValue<string>());

    private static string? Value(JsonElement? values, string id) => values is { } v ? AdaptiveCards.GetString(v, id) : null;

    private static int? Int(JsonElement? values, string id) => values is { } v ? AdaptiveCards.GetInt(v, id) : null;
}
