using System.Reflection;

namespace CoachBot.Dialogs.Shared;

/// <summary>The message catalog keys the dialogs use; <see cref="All"/> feeds the start-up check.</summary>
internal static class Keys
{
    public const string WelcomeHello = "welcome.hello";
    public const string WelcomeWhatIDo = "welcome.what_i_do";
    public const string WelcomeWhatIAmNot = "welcome.what_i_am_not";
    public const string WelcomeEmergencyInfo = "welcome.emergency_info";
    public const string WelcomeHowLong = "welcome.how_long";
    public const string ConsentAsk = "consent.ask";
    public const string ConsentYes = "consent.option.yes";
    public const string ConsentNo = "consent.option.no";
    public const string ConsentMoreOption = "consent.option.more";
    public const string ConsentMore = "consent.more";
    public const string ConsentThanks = "consent.thanks";
    public const string ConsentDeclined = "consent.declined";
    public const string AskName = "onboarding.ask_name";
    public const string NameThanks = "onboarding.name_thanks";
    public const string AskBaselinePain = "onboarding.ask_baseline_pain";
    public const string AskFunctionActivity = "onboarding.ask_function_activity";
    public const string AskFunctionScore = "onboarding.ask_function_score";
    public const string OnboardingDone = "onboarding.done";
    public const string StartBackIntro = "startback.intro";
    public const string StartBackAgree = "startback.option.agree";
    public const string StartBackDisagree = "startback.option.disagree";
    public const string StartBackQ9 = "startback.q9";
    public const string StartBackThanks = "startback.thanks";
    public const string StartBackHighSupport = "startback.high_support";
    public const string GoalsAsk = "goals.ask";
    public const string GoalsExamples = "goals.examples";
    public const string GoalsThanks = "goals.thanks";
    public const string TrainingAskCurrent = "training.ask_current";
    public const string TrainingAskExercises = "training.ask_exercises";
    public const string TrainingExerciseAdded = "training.exercise_added";
    public const string TrainingAskMore = "training.ask_more_exercises";
    public const string TrainingThatsAll = "training.option.thats_all";
    public const string TrainingStarterIntro = "training.starter_intro";
    public const string TrainingStarterItem = "training.starter_item";
    public const string TrainingStarterOutro = "training.starter_outro";
    public const string ExerciseLoadKg = "exercise.load_kg";
    public const string ScheduleAskDays = "schedule.ask_days";
    public const string ScheduleAskTime = "schedule.ask_time";
    public const string ScheduleAskTimeZone = "schedule.ask_time_zone";
    public const string ScheduleConfirm = "schedule.confirm";
    public const string ScheduleKeep = "schedule.option.keep";
    public const string ScheduleChange = "schedule.option.change";
    public const string ResumingWelcomeBack = "resuming.welcome_back";
    public const string ScheduleChangeAsk = "schedule.change_ask";
    public const string ReminderAskWhen = "reminder.ask_when";
    public const string ReminderOneHour = "reminder.option.one_hour";
    public const string ReminderTwoHours = "reminder.option.two_hours";
    public const string ReminderThisEvening = "reminder.option.this_evening";
    public const string ReminderTomorrow = "reminder.option.tomorrow";
    public const string ReminderConfirmed = "reminder.confirmed";
    public const string ReminderWhenOneHour = "reminder.when.one_hour";
    public const string ReminderWhenHours = "reminder.when.hours";
    public const string ReminderWhenThisEvening = "reminder.when.this_evening";
    public const string ReminderWhenTomorrow = "reminder.when.tomorrow";
    public const string CheckInGreeting = "checkin.greeting";
    public const string CheckInStart = "checkin.start";
    public const string AskPainNow = "checkin.ask_pain_now";
    public const string AskPainTypes = "checkin.ask_pain_types";
    public const string AskBelowKnee = "checkin.ask_below_knee";
    public const string AskSessionPain = "checkin.ask_session_pain";
    public const string AskSettled = "checkin.ask_settled_next_morning";
    public const string AskSessionsDone = "checkin.ask_sessions_done";
    public const string AskTrend = "checkin.ask_trend";
    public const string TrendBetter = "checkin.trend.option.better";
    public const string TrendSame = "checkin.trend.option.same";
    public const string TrendWorse = "checkin.trend.option.worse";
    public const string AskAnythingElse = "checkin.ask_anything_else";
    public const string NothingElse = "checkin.option.nothing_else";
    public const string CheckInNoted = "checkin.noted";
    public const string CheckInThanks = "checkin.thanks";
    public const string PainTypeDone = "checkin.pain_types.option.done";
    public const string PainTypeNone = "checkin.pain_types.option.none";
    public const string PainTypeAskMore = "checkin.pain_types.ask_more";
    public const string RedFlagIntro = "redflag.intro";
    public const string RedFlagAllClear = "redflag.all_clear";
    public const string Yes = "common.option.yes";
    public const string No = "common.option.no";
    public const string NotSure = "common.option.not_sure";
    public const string RetryPainScore = "retry.pain_score";
    public const string RetryYesNo = "retry.yes_no";
    public const string RetryYesNoNotSure = "retry.yes_no_not_sure";
    public const string RetryChoice = "retry.choice";
    public const string RetryMultiChoice = "retry.multi_choice";
    public const string RetrySessions = "retry.sessions";
    public const string RetryName = "retry.name";
    public const string RetryDays = "retry.days";
    public const string RetryTime = "retry.time";
    public const string RetryTimeZone = "retry.time_zone";
    public const string RetryExercise = "retry.exercise";
    public const string RetryGivingUp = "retry.giving_up";
    public const string DecisionProgress = "decision.progress";
    public const string DecisionHold = "decision.hold";
    public const string DecisionPause = "decision.pause";
    public const string DecisionHoldReduce = "decision.hold_reduce";
    public const string DecisionCoachProgress = "decision.coach.progress";
    public const string DecisionCoachHold = "decision.coach.hold";
    public const string DecisionCoachPause = "decision.coach.pause";
    public const string PrescriptionIntro = "prescription.intro";
    public const string PrescriptionItem = "prescription.item";
    public const string PrescriptionItemNoWeight = "prescription.item_no_weight";
    public const string PrescriptionPaused = "prescription.paused";
    public const string LessonOffer = "lesson.offer";
    public const string LessonRead = "lesson.option.read";
    public const string LessonLater = "lesson.option.later";
    public const string LessonLaterOk = "lesson.later_ok";
    public const string LessonMenuIntro = "lesson.menu_intro";
    public const string LessonMenuItem = "lesson.menu_item";
    public const string LessonNotFound = "lesson.not_found";
    public const string LessonAfter = "lesson.after";
    public const string SafetyRedFlagEmergency = "safety.red_flag_emergency";
    public const string SafetyAorticEmergency = "safety.aortic_emergency";
    public const string SafetyUrgent = "safety.urgent_see_doctor_today";
    public const string SafetyCrisis = "safety.crisis";
    public const string SafetyCrisisImminent = "safety.crisis_imminent";
    public const string SafetyDistress = "safety.distress";
    public const string SafetyAfterAlert = "safety.after_alert";
    public const string SafetyAskThanks = "safety.ask_thanks";
    public const string SafetyNetting = "safety.netting";
    public const string SafetyNettingShort = "safety.netting_short";
    public const string FlareUpPlan = "flareup.plan";
    public const string FlareUpAskIsOver = "flareup.ask_is_over";
    public const string FlareUpOver = "flareup.option.over";
    public const string FlareUpNotOver = "flareup.option.not_over";
    public const string FlareUpStillOn = "flareup.still_on";
    public const string FlareUpLasting = "flareup.lasting";
    public const string FlareUpSecond = "flareup.second";
    public const string FlareUpIsOver = "flareup.over";
    public const string LadderStep1 = "ladder.step_1";
    public const string LadderStep2 = "ladder.step_2";
    public const string LadderStep3 = "ladder.step_3";
    public const string LadderLongBreak = "ladder.long_break";
    public const string LadderNotReady = "ladder.not_ready";
    public const string CoachRequestAck = "coach.request_ack";
    public const string CoachAskMessage = "coach.ask_message";
    public const string ProgressIntro = "progress.intro";
    public const string ProgressTrendBetter = "progress.pain_trend.better";
    public const string ProgressTrendSame = "progress.pain_trend.same";
    public const string ProgressTrendWorse = "progress.pain_trend.worse";
    public const string ProgressTrendUnknown = "progress.pain_trend.unknown";
    public const string ProgressPainChange = "progress.pain_change";
    public const string ProgressPainStayed = "progress.pain_stayed";
    public const string ProgressPainSingle = "progress.pain_single";
    public const string ProgressCheckInsOne = "progress.checkins.one";
    public const string ProgressCheckInsMany = "progress.checkins.many";
    public const string ProgressSteppedUpOne = "progress.stepped_up.one";
    public const string ProgressSteppedUpMany = "progress.stepped_up.many";
    public const string ProgressHeldSteadyOne = "progress.held_steady.one";
    public const string ProgressHeldSteadyMany = "progress.held_steady.many";
    public const string ProgressTookABreakOne = "progress.took_a_break.one";
    public const string ProgressTookABreakMany = "progress.took_a_break.many";
    public const string ProgressNone = "progress.none";
    public const string HelpMenu = "help.menu";
    public const string HelpEmergency = "help.emergency_reminder";
    public const string StopConfirm = "stop_checkins.confirm";
    public const string StopPause = "stop_checkins.option.pause";
    public const string StopKeep = "stop_checkins.option.keep";
    public const string StopDone = "stop_checkins.done";
    public const string StopKept = "stop_checkins.kept";
    public const string StopRestarted = "stop_checkins.restarted";
    public const string Cancelled = "common.cancelled";
    public const string NotUnderstood = "fallback.not_understood";
    public const string ErrorsInternal = "errors.internal";

    public const string LadderIntro = "ladder.intro";
    public const string ScreeningIntro = "screening.intro";
    public const string AskAge = "onboarding.ask_age";
    public const string RetryAge = "retry.age";
    public const string AskRecentSurgery = "onboarding.ask_recent_surgery";
    public const string AskSurgeryWeeks = "onboarding.ask_surgery_weeks";
    public const string ScreeningSurgery = "screening.option.surgery";
    public const string ScreeningInjection = "screening.option.injection";
    public const string ScreeningAskPregnancy = "screening.ask_pregnancy";
    public const string ScreeningAskBones = "screening.ask_bones";
    public const string ScreeningAskSpineCondition = "screening.ask_spine_condition";
    public const string ScreeningAskGeneralHealth = "screening.ask_general_health";
    public const string ScreeningAskNewPain = "screening.ask_new_pain";
    public const string ScreeningAllClear = "screening.all_clear";
    public const string ScreeningHoldIntro = "screening.hold_intro";
    public const string ScreeningReasonSurgery = "screening.reason.surgery";
    public const string ScreeningReasonInjection = "screening.reason.injection";
    public const string ScreeningReasonSpineCondition = "screening.reason.spine_condition";
    public const string ScreeningReasonGeneralHealth = "screening.reason.general_health";
    public const string ScreeningReasonPregnancy = "screening.reason.pregnancy";
    public const string ScreeningReasonBones = "screening.reason.bones";
    public const string ScreeningReasonPastCancer = "screening.reason.past_cancer";
    public const string ScreeningReasonAge = "screening.reason.age";
    public const string ScreeningReasonRedFlag = "screening.reason.red_flag";
    public const string ScreeningHoldNext = "screening.hold_next";
    public const string ScreeningUrgent = "screening.urgent";
    public const string TrainingAskEquipment = "training.ask_equipment";
    public const string TrainingEquipmentNone = "training.equipment.option.none";
    public const string TrainingEquipmentBands = "training.equipment.option.bands";
    public const string TrainingEquipmentDumbbells = "training.equipment.option.dumbbells";
    public const string TrainingEquipmentKettlebell = "training.equipment.option.kettlebell";
    public const string TrainingEquipmentBarbell = "training.equipment.option.barbell";
    public const string TrainingEquipmentGym = "training.equipment.option.gym";
    public const string TrainingAskExperience = "training.ask_experience";
    public const string TrainingExperienceNone = "training.experience.option.none";
    public const string TrainingExperienceLessThanAYear = "training.experience.option.less_than_a_year";
    public const string TrainingExperienceAYearOrMore = "training.experience.option.a_year_or_more";
    public const string TrainingAskOwnOrPlan = "training.ask_own_or_plan";
    public const string TrainingOwn = "training.option.own";
    public const string TrainingPlan = "training.option.plan";
    public const string TrainingStarterIntroBodyweight = "training.starter_intro_bodyweight";
    public const string TrainingWarmUp = "training.warm_up";
    public const string TrainingOtherDays = "training.other_days";
    public const string TrainingHowToHint = "training.how_to_hint";
    public const string TrainingPlanOnHold = "training.plan_on_hold";
    public const string ClearanceReleasedCoach = "clearance.released_coach";
    public const string ClearanceReleasedDoctor = "clearance.released_doctor";
    public const string ClearanceNotNeeded = "clearance.not_needed";
    public const string ClearanceStillWaiting = "clearance.still_waiting";
    public const string ChangeMarkMoreWeight = "change.mark.more_weight";
    public const string ChangeMarkMoreReps = "change.mark.more_reps";
    public const string ChangeMarkMoreRepsFew = "change.mark.more_reps_few";
    public const string ChangeMoreRepsFew = "change.more_reps_few";
    public const string ChangeMarkMoreSets = "change.mark.more_sets";
    public const string ChangeMarkHarder = "change.mark.harder";
    public const string ChangeMarkLighter = "change.mark.lighter";
    public const string ChangeMarkEasier = "change.mark.easier";
    public const string ChangeMoreWeight = "change.more_weight";
    public const string ChangeMoreReps = "change.more_reps";
    public const string ChangeHarder = "change.harder";
    public const string ChangeNotYet = "change.not_yet";
    public const string HowToAskWhich = "howto.ask_which";
    public const string HowToNotFound = "howto.not_found";
    public const string HowToSetup = "howto.label.setup";
    public const string HowToCues = "howto.label.cues";
    public const string HowToMistake = "howto.label.mistake";
    public const string HowToEasier = "howto.label.easier";
    public const string HowToHarder = "howto.label.harder";
    public const string HowToImageAlt = "howto.image_alt";
    public const string HowToVideo = "howto.label.video";
    public const string FlareUpCycle = "flareup.cycle";
    public const string FlareUpPassive = "flareup.passive";
    public const string FlareUpAskNow = "flareup.ask_now";
    public const string FlareUpRecorded = "flareup.recorded";
    public const string FlareUpNotNow = "flareup.not_now";

    /// <summary>Prefixes of keys built at run time (one per item): the start-up check lists them itself.</summary>
    public static IReadOnlyList<string> StartBackQuestions { get; } =
        ["startback.q1", "startback.q2", "startback.q3", "startback.q4", "startback.q5", "startback.q6", "startback.q7", "startback.q8"];

    /// <summary>Item 9 options, in <c>Bothersomeness</c> order.</summary>
    public static IReadOnlyList<string> StartBackQ9Options { get; } =
    [
        "startback.q9.option.not_at_all", "startback.q9.option.slightly", "startback.q9.option.moderately",
        "startback.q9.option.very_much", "startback.q9.option.extremely",
    ];

    /// <summary>Every key the dialogs use (constants, lists, and the token and pain-type keys).</summary>
    public static IReadOnlyList<string> All { get; } = Collect();

    private static string[] Collect()
    {
        var constants = typeof(Keys).GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);
        return [.. constants
            .Concat(StartBackQuestions)
            .Concat(StartBackQ9Options)
            .Concat(PainTypeKeys.All.Values)
            .Concat(RedFlagQuestions.All.Select(q => q.Key))
            .Concat(Content.TokenMessages.KnownTokens.Select(Content.TokenMessages.KeyFor))
            .Append(Content.TokenMessages.CoachWillContactYouKey(sameDay: true, withCoachName: false))
            .Distinct(StringComparer.Ordinal)];
    }
}
