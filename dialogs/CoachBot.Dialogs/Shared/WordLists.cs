using System.Reflection;

namespace CoachBot.Dialogs.Shared;

/// <summary>
/// The names of the word lists in content/vocabulary/en.json that the dialogs recognise answers and commands by
/// (hand-kept like <see cref="Keys"/>; start-up and a test check that the content has every list and the dialogs use
/// every list).
/// </summary>
internal static class WordLists
{
    public const string Yes = "answer.yes";
    public const string No = "answer.no";
    public const string NotSure = "answer.notSure";
    public const string SafetyQuestionYes = "safetyQuestion.yes";
    public const string SafetyQuestionNo = "safetyQuestion.no";
    public const string ConsentYes = "consent.yes";
    public const string ConsentNo = "consent.no";
    public const string ConsentMoreInfo = "consent.moreInfo";
    public const string NameLead = "name.lead";
    public const string ScreeningSurgery = "screening.surgery";
    public const string ScreeningInjection = "screening.injection";
    public const string ScreeningNeither = "screening.neither";
    public const string StartBackAgree = "startBack.agree";
    public const string StartBackDisagree = "startBack.disagree";
    public const string StartBackBotherNotAtAll = "startBack.bother.notAtAll";
    public const string StartBackBotherSlightly = "startBack.bother.slightly";
    public const string StartBackBotherModerately = "startBack.bother.moderately";
    public const string StartBackBotherVeryMuch = "startBack.bother.veryMuch";
    public const string StartBackBotherExtremely = "startBack.bother.extremely";
    public const string TrainingThatsAll = "training.thatsAll";
    public const string TrainingEquipmentNone = "training.equipment.none";
    public const string TrainingEquipmentBands = "training.equipment.bands";
    public const string TrainingEquipmentDumbbells = "training.equipment.dumbbells";
    public const string TrainingEquipmentKettlebell = "training.equipment.kettlebell";
    public const string TrainingEquipmentBarbell = "training.equipment.barbell";
    public const string TrainingEquipmentGym = "training.equipment.gym";
    public const string TrainingExperienceNone = "training.experience.none";
    public const string TrainingExperienceLessThanAYear = "training.experience.lessThanAYear";
    public const string TrainingExperienceAYearOrMore = "training.experience.aYearOrMore";
    public const string TrainingOwn = "training.own";
    public const string TrainingPlan = "training.plan";
    public const string ScheduleKeep = "schedule.keep";
    public const string ScheduleChange = "schedule.change";
    public const string FlareUpOver = "flareUp.over";
    public const string FlareUpNotOver = "flareUp.notOver";
    public const string PainTypeAche = "painType.ache";
    public const string PainTypeStiffness = "painType.stiffness";
    public const string PainTypeSoreness = "painType.soreness";
    public const string PainTypeSharp = "painType.sharp";
    public const string PainTypeRadiating = "painType.radiating";
    public const string PainTypeNumbness = "painType.numbness";
    public const string PainTypeBurning = "painType.burning";
    public const string PainTypesDone = "painTypes.done";
    public const string PainTypesNone = "painTypes.none";
    public const string TrendBetter = "trend.better";
    public const string TrendSame = "trend.same";
    public const string TrendWorse = "trend.worse";
    public const string LessonRead = "lesson.read";
    public const string LessonLater = "lesson.later";
    public const string StopPause = "stop.pause";
    public const string StopKeep = "stop.keep";
    public const string ReminderOneHour = "reminder.oneHour";
    public const string ReminderTwoHours = "reminder.twoHours";
    public const string ReminderThisEvening = "reminder.thisEvening";
    public const string ReminderTomorrow = "reminder.tomorrow";
    public const string ReminderInHours = "reminder.inHours";
    public const string NumberOne = "number.one";
    public const string NumberTwo = "number.two";
    public const string NumberThree = "number.three";
    public const string NumberFour = "number.four";
    public const string IntentRemindLater = "intent.remindLater";
    public const string IntentChangeSchedule = "intent.changeSchedule";
    public const string IntentDoctorSaidYes = "intent.doctorSaidYes";
    public const string IntentHowTo = "intent.howTo";
    public const string IntentHelp = "intent.help";
    public const string IntentStop = "intent.stop";
    public const string IntentStart = "intent.start";
    public const string IntentCheckIn = "intent.checkIn";
    public const string IntentProgress = "intent.progress";
    public const string IntentWhyItHurts = "intent.whyItHurts";
    public const string IntentLearn = "intent.learn";
    public const string IntentFlareUpPlan = "intent.flareUpPlan";
    public const string IntentFlareUpReport = "intent.flareUpReport";
    public const string IntentTalkToCoach = "intent.talkToCoach";

    /// <summary>Every list the dialogs use.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(WordLists).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();
}
