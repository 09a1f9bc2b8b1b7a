using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Coaching.Programs;
using CoachBot.Coaching.Screening;
using CoachBot.Content;
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
    private static readonly string[] EquipmentKeys = [MessageKeys.Training.EquipmentOptionNone, MessageKeys.Training.EquipmentOptionBands, MessageKeys.Training.EquipmentOptionDumbbells, MessageKeys.Training.EquipmentOptionKettlebell, MessageKeys.Training.EquipmentOptionBarbell, MessageKeys.Training.EquipmentOptionGym];
    public static readonly TrainingExperience[] ExperienceValues = [TrainingExperience.None, TrainingExperience.LessThanAYear, TrainingExperience.AYearOrMore];
    private static readonly string[] ExperienceKeys = [MessageKeys.Training.ExperienceOptionNone, MessageKeys.Training.ExperienceOptionLessThanAYear, MessageKeys.Training.ExperienceOptionAYearOrMore];
    private static readonly DayOfWeek[] Week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>The welcome: what CoachBot is and is not, the emergency line, and the consent buttons.</summary>
    public static Activity Welcome(Texts texts, string? locale, CardStamp stamp)
    {
        var body = new JsonArray
        {
            CardParts.Heading(texts.Get(MessageKeys.Welcome.Hello)),
            CardParts.Text(texts.Get(MessageKeys.Welcome.WhatIDo)),
            CardParts.Text(texts.Get(MessageKeys.Welcome.WhatIAmNot)),
            CardParts.Text(texts.Get(MessageKeys.Welcome.EmergencyInfo, ("emergency_number", texts.EmergencyNumber(locale))), bold: true),
            CardParts.Text(texts.Get(MessageKeys.Card.WelcomeHowLong)),
            CardParts.Text(texts.Get(MessageKeys.Consent.Ask)),
        };
        var actions = new JsonArray
        {
            AdaptiveCards.Submit(texts.Get(MessageKeys.Consent.OptionYes), stamp, Yes, validateInputs: false),
            AdaptiveCards.Submit(texts.Get(MessageKeys.Consent.OptionNo), stamp, No, validateInputs: false),
            AdaptiveCards.Submit(texts.Get(MessageKeys.Consent.OptionMore), stamp, ConsentMore, validateInputs: false),
        };
        return AdaptiveCards.Message(AdaptiveCards.Card(body, actions), texts.Get(MessageKeys.Welcome.Hello));
    }

    public static Activity About(Texts texts, CardStamp stamp, JsonElement? values)
    {
        var body = new JsonArray
        {
            CardParts.Heading(texts.Get(MessageKeys.Card.AboutTitle)),
            CardParts.TextInput("text_name", texts.Get(MessageKeys.Onboarding.AskName), null, Value(values, "text_name"), multiline: false, maxLength: 60, required: true, error: texts.Get(MessageKeys.Card.ErrorName)),
            CardParts.Number("age", texts.Get(MessageKeys.Card.AboutAge), 12, 110, true, texts.Get(MessageKeys.Card.ErrorAge), Int(values, "age")),
            CardParts.Number("basePain", texts.Get(MessageKeys.Onboarding.AskBaselinePain), 0, 10, true, texts.Get(MessageKeys.Card.ErrorBasePain), Int(values, "basePain")),
            CardParts.TextInput("text_activity", texts.Get(MessageKeys.Onboarding.AskFunctionActivity), null, Value(values, "text_activity"), multiline: false, maxLength: 200),
            CardParts.Number("activityScore", texts.Get(MessageKeys.Card.AboutFunctionScore), 0, 10, false, texts.Get(MessageKeys.Card.ErrorScore), Int(values, "activityScore")),
        };
        return Form(texts, body, stamp);
    }

    public static Activity Health(Texts texts, CardStamp stamp, JsonElement? values, int? age, bool askCancer)
    {
        var yesNo = YesNoNotSure(texts);
        string? V(string id) => Value(values, id);
        var body = new JsonArray
        {
            CardParts.Heading(texts.Get(MessageKeys.Card.HealthTitle)),
            CardParts.Text(texts.Get(MessageKeys.Screening.Intro)),
            CardParts.Choices("surgery", texts.Get(MessageKeys.Onboarding.AskRecentSurgery), [(texts.Get(MessageKeys.Screening.OptionSurgery), "surgery"), (texts.Get(MessageKeys.Screening.OptionInjection), "injection"), (texts.Get(MessageKeys.Common.OptionNo), No)], true, texts.Get(MessageKeys.Card.ErrorChoose), V("surgery")),
            CardParts.Number("surgeryWeeks", texts.Get(MessageKeys.Card.HealthSurgeryWeeks), 0, 13, false, texts.Get(MessageKeys.Card.ErrorSurgeryWeeks), Int(values, "surgeryWeeks")),
            CardParts.Choices("pregnancy", texts.Get(MessageKeys.Screening.AskPregnancy), yesNo, true, texts.Get(MessageKeys.Card.ErrorChoose), V("pregnancy")),
            CardParts.Choices("bones", texts.Get(MessageKeys.Screening.AskBones), yesNo, true, texts.Get(MessageKeys.Card.ErrorChoose), V("bones")),
            CardParts.Choices("spine", texts.Get(MessageKeys.Screening.AskSpineCondition), yesNo, true, texts.Get(MessageKeys.Card.ErrorChoose), V("spine")),
            CardParts.Choices("health", texts.Get(MessageKeys.Screening.AskGeneralHealth), yesNo, true, texts.Get(MessageKeys.Card.ErrorChoose), V("health")),
        };
        if (PreExerciseScreening.AgeAsksAboutNewPain(age))
        {
            body.Add(CardParts.Choices("newPain", texts.Get(MessageKeys.Screening.AskNewPain), yesNo, true, texts.Get(MessageKeys.Card.ErrorChoose), V("newPain")));
        }

        body.Add(CardParts.Heading(texts.Get(MessageKeys.Card.CheckinRedFlagsTitle)));
        foreach (var (flag, key) in RedFlagQuestions.All.Where(q => askCancer || !RedFlagQuestions.IsStaticHistory(q.Flag)))
        {
            var id = CheckIn.CheckInCard.RedFlagField(flag);
            body.Add(CardParts.Choices(id, texts.Get(RedFlagQuestions.OnboardingKey(flag, key)), yesNo, true, texts.Get(MessageKeys.Card.ErrorChoose), V(id)));
        }

        return Form(texts, body, stamp);
    }

    public static Activity StartBackCard(Texts texts, CardStamp stamp, JsonElement? values)
    {
        var body = new JsonArray { CardParts.Heading(texts.Get(MessageKeys.Card.StartbackTitle)), CardParts.Text(texts.Get(MessageKeys.Startback.Intro)) };
        var agree = new[] { (texts.Get(MessageKeys.Startback.OptionAgree), "agree"), (texts.Get(MessageKeys.Startback.OptionDisagree), "disagree") };
        for (var i = 0; i < StartBack.AgreeItemCount; i++)
        {
            var id = "sb" + (i + 1).ToString(CultureInfo.InvariantCulture);
            body.Add(CardParts.Choices(id, texts.Get(Keys.StartBackQuestions[i]), agree, true, texts.Get(MessageKeys.Card.ErrorChoose), Value(values, id)));
        }

        var q9 = Keys.StartBackQ9Options.Select((k, i) => (texts.Get(k), i.ToString(CultureInfo.InvariantCulture)));
        body.Add(CardParts.Choices("sb9", texts.Get(MessageKeys.Startback.Q9), q9, true, texts.Get(MessageKeys.Card.ErrorChoose), Value(values, "sb9")));
        return Form(texts, body, stamp);
    }

    public static Activity Training(Texts texts, CardStamp stamp, JsonElement? values)
    {
        var body = new JsonArray
        {
            CardParts.Heading(texts.Get(MessageKeys.Card.TrainingTitle)),
            CardParts.TextInput("text_goals", texts.Get(MessageKeys.Goals.Ask), texts.Get(MessageKeys.Goals.Examples), Value(values, "text_goals"), maxLength: 500),
            CardParts.Choices("equipment", texts.Get(MessageKeys.Training.AskEquipment), EquipmentKeys.Select((k, i) => (texts.Get(k), EquipmentValues[i].ToString().ToLowerInvariant())), true, texts.Get(MessageKeys.Card.ErrorChoose), Value(values, "equipment")),
            CardParts.Choices("experience", texts.Get(MessageKeys.Training.AskExperience), ExperienceKeys.Select((k, i) => (texts.Get(k), ExperienceValues[i].ToString().ToLowerInvariant())), true, texts.Get(MessageKeys.Card.ErrorChoose), Value(values, "experience")),
            CardParts.TextInput("text_exercises", texts.Get(MessageKeys.Card.TrainingOwnExercises), null, Value(values, "text_exercises"), maxLength: 1000),
        };
        return Form(texts, body, stamp);
    }

    public static Activity Schedule(Texts texts, CardStamp stamp, JsonElement? values, string? zone)
    {
        var days = Week.Select(d => (CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(d), d.ToString().ToLowerInvariant()));
        var body = new JsonArray
        {
            CardParts.Heading(texts.Get(MessageKeys.Card.ScheduleTitle)),
            CardParts.Choices("days", texts.Get(MessageKeys.Card.ScheduleDays), days, true, texts.Get(MessageKeys.Card.ErrorDays), Value(values, "days") ?? "monday,thursday", multi: true),
            new JsonObject
            {
                ["type"] = "Input.Time", ["id"] = "time", ["label"] = texts.Get(MessageKeys.Schedule.AskTime), ["isRequired"] = true,
                ["errorMessage"] = texts.Get(MessageKeys.Card.ErrorTime), ["value"] = Value(values, "time") ?? "09:00",
            },
            CardParts.TextInput("timeZone", texts.Get(MessageKeys.Schedule.AskTimeZone), null, Value(values, "timeZone") ?? zone, multiline: false, maxLength: 60, required: true, error: texts.Get(MessageKeys.Card.ErrorTimeZone)),
        };
        return Form(texts, body, stamp);
    }

    /// <summary>Yes, no or not sure; "not sure" and no answer count as yes (the cautious reading).</summary>
    public static bool IsYes(JsonElement values, string id) => AdaptiveCards.GetString(values, id) != No;

    /// <summary>True when the choice input holds one of its answers.</summary>
    public static bool Answered(JsonElement values, string id) => AdaptiveCards.GetString(values, id) is Yes or No or NotSure;

    private static (string, string)[] YesNoNotSure(Texts texts) => [(texts.Get(MessageKeys.Common.OptionYes), Yes), (texts.Get(MessageKeys.Common.OptionNo), No), (texts.Get(MessageKeys.Common.OptionNotSure), NotSure)];

    private static Activity Form(Texts texts, JsonArray body, CardStamp stamp) =>
        AdaptiveCards.Message(AdaptiveCards.Card(body, [AdaptiveCards.Submit(texts.Get(MessageKeys.Card.Next), stamp)]), body[0]!["text"]!.GetValue<string>());

    private static string? Value(JsonElement? values, string id) => values is { } v ? AdaptiveCards.GetString(v, id) : null;

    private static int? Int(JsonElement? values, string id) => values is { } v ? AdaptiveCards.GetInt(v, id) : null;
}
