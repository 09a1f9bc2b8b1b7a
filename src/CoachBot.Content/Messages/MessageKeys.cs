namespace CoachBot.Content;

/// <summary>
/// Every key of the message catalog (<c>content/messages/en.json</c>), as constants grouped by the
/// first part of the key. Code refers to messages only through these; a content test fails when this
/// list and the catalog differ, and <see cref="All"/> feeds <see cref="ContentCatalog.Validate"/> at start-up.
/// </summary>
/// <remarks>A key that needs values for placeholders says so in its summary; pass them to <see cref="ContentCatalog.Format(string, IReadOnlyDictionary{string, string})"/>.</remarks>
public static class MessageKeys
{
    /// <summary>Keys starting with <c>welcome.</c></summary>
    public static class Welcome
    {
        /// <summary><c>welcome.hello</c>. 2 variants.</summary>
        public const string Hello = "welcome.hello";

        /// <summary><c>welcome.what_i_do</c>.</summary>
        public const string WhatIDo = "welcome.what_i_do";

        /// <summary><c>welcome.what_i_am_not</c>.</summary>
        public const string WhatIAmNot = "welcome.what_i_am_not";

        /// <summary><c>welcome.emergency_info</c>. Placeholders: <c>{emergency_number}</c>.</summary>
        public const string EmergencyInfo = "welcome.emergency_info";

        /// <summary><c>welcome.how_long</c>.</summary>
        public const string HowLong = "welcome.how_long";
    }

    /// <summary>Keys starting with <c>consent.</c></summary>
    public static class Consent
    {
        /// <summary><c>consent.ask</c>.</summary>
        public const string Ask = "consent.ask";

        /// <summary><c>consent.option.yes</c>.</summary>
        public const string OptionYes = "consent.option.yes";

        /// <summary><c>consent.option.no</c>.</summary>
        public const string OptionNo = "consent.option.no";

        /// <summary><c>consent.option.more</c>.</summary>
        public const string OptionMore = "consent.option.more";

        /// <summary><c>consent.more</c>.</summary>
        public const string More = "consent.more";

        /// <summary><c>consent.thanks</c>.</summary>
        public const string Thanks = "consent.thanks";

        /// <summary><c>consent.declined</c>.</summary>
        public const string Declined = "consent.declined";
    }

    /// <summary>Keys starting with <c>onboarding.</c></summary>
    public static class Onboarding
    {
        /// <summary><c>onboarding.ask_name</c>.</summary>
        public const string AskName = "onboarding.ask_name";

        /// <summary><c>onboarding.name_thanks</c>. Placeholders: <c>{name}</c>. 2 variants.</summary>
        public const string NameThanks = "onboarding.name_thanks";

        /// <summary><c>onboarding.ask_age</c>.</summary>
        public const string AskAge = "onboarding.ask_age";

        /// <summary><c>onboarding.ask_baseline_pain</c>.</summary>
        public const string AskBaselinePain = "onboarding.ask_baseline_pain";

        /// <summary><c>onboarding.ask_function_activity</c>.</summary>
        public const string AskFunctionActivity = "onboarding.ask_function_activity";

        /// <summary><c>onboarding.ask_function_score</c>. Placeholders: <c>{activity}</c>.</summary>
        public const string AskFunctionScore = "onboarding.ask_function_score";

        /// <summary><c>onboarding.ask_more_function</c>.</summary>
        public const string AskMoreFunction = "onboarding.ask_more_function";

        /// <summary><c>onboarding.option.no_more</c>.</summary>
        public const string OptionNoMore = "onboarding.option.no_more";

        /// <summary><c>onboarding.ask_recent_surgery</c>.</summary>
        public const string AskRecentSurgery = "onboarding.ask_recent_surgery";

        /// <summary><c>onboarding.ask_surgery_weeks</c>.</summary>
        public const string AskSurgeryWeeks = "onboarding.ask_surgery_weeks";

        /// <summary><c>onboarding.surgery_clearance</c>.</summary>
        public const string SurgeryClearance = "onboarding.surgery_clearance";

        /// <summary><c>onboarding.done</c>. Placeholders: <c>{name}</c>.</summary>
        public const string Done = "onboarding.done";
    }

    /// <summary>Keys starting with <c>startback.</c></summary>
    public static class Startback
    {
        /// <summary><c>startback.intro</c>.</summary>
        public const string Intro = "startback.intro";

        /// <summary><c>startback.q1</c>.</summary>
        public const string Q1 = "startback.q1";

        /// <summary><c>startback.q2</c>.</summary>
        public const string Q2 = "startback.q2";

        /// <summary><c>startback.q3</c>.</summary>
        public const string Q3 = "startback.q3";

        /// <summary><c>startback.q4</c>.</summary>
        public const string Q4 = "startback.q4";

        /// <summary><c>startback.q5</c>.</summary>
        public const string Q5 = "startback.q5";

        /// <summary><c>startback.q6</c>.</summary>
        public const string Q6 = "startback.q6";

        /// <summary><c>startback.q7</c>.</summary>
        public const string Q7 = "startback.q7";

        /// <summary><c>startback.q8</c>.</summary>
        public const string Q8 = "startback.q8";

        /// <summary><c>startback.q9</c>.</summary>
        public const string Q9 = "startback.q9";

        /// <summary><c>startback.option.agree</c>.</summary>
        public const string OptionAgree = "startback.option.agree";

        /// <summary><c>startback.option.disagree</c>.</summary>
        public const string OptionDisagree = "startback.option.disagree";

        /// <summary><c>startback.q9.option.not_at_all</c>.</summary>
        public const string Q9OptionNotAtAll = "startback.q9.option.not_at_all";

        /// <summary><c>startback.q9.option.slightly</c>.</summary>
        public const string Q9OptionSlightly = "startback.q9.option.slightly";

        /// <summary><c>startback.q9.option.moderately</c>.</summary>
        public const string Q9OptionModerately = "startback.q9.option.moderately";

        /// <summary><c>startback.q9.option.very_much</c>.</summary>
        public const string Q9OptionVeryMuch = "startback.q9.option.very_much";

        /// <summary><c>startback.q9.option.extremely</c>.</summary>
        public const string Q9OptionExtremely = "startback.q9.option.extremely";

        /// <summary><c>startback.thanks</c>.</summary>
        public const string Thanks = "startback.thanks";

        /// <summary><c>startback.high_support</c>.</summary>
        public const string HighSupport = "startback.high_support";
    }

    /// <summary>Keys starting with <c>goals.</c></summary>
    public static class Goals
    {
        /// <summary><c>goals.ask</c>.</summary>
        public const string Ask = "goals.ask";

        /// <summary><c>goals.examples</c>.</summary>
        public const string Examples = "goals.examples";

        /// <summary><c>goals.thanks</c>.</summary>
        public const string Thanks = "goals.thanks";
    }

    /// <summary>Keys starting with <c>training.</c></summary>
    public static class Training
    {
        /// <summary><c>training.starter_intro_experienced</c>.</summary>
        public const string StarterIntroExperienced = "training.starter_intro_experienced";

        /// <summary><c>training.ask_current</c>.</summary>
        public const string AskCurrent = "training.ask_current";

        /// <summary><c>training.ask_exercises</c>.</summary>
        public const string AskExercises = "training.ask_exercises";

        /// <summary><c>training.exercise_added</c>. Placeholders: <c>{exercise}</c>, <c>{load}</c>, <c>{reps}</c>, <c>{sets}</c>.</summary>
        public const string ExerciseAdded = "training.exercise_added";

        /// <summary><c>training.ask_more_exercises</c>.</summary>
        public const string AskMoreExercises = "training.ask_more_exercises";

        /// <summary><c>training.option.thats_all</c>.</summary>
        public const string OptionThatsAll = "training.option.thats_all";

        /// <summary><c>training.starter_intro</c>.</summary>
        public const string StarterIntro = "training.starter_intro";

        /// <summary><c>training.starter_item</c>. Placeholders: <c>{exercise}</c>, <c>{load}</c>, <c>{reps}</c>, <c>{sets}</c>.</summary>
        public const string StarterItem = "training.starter_item";

        /// <summary><c>training.starter_outro</c>.</summary>
        public const string StarterOutro = "training.starter_outro";

        /// <summary><c>training.ask_equipment</c>.</summary>
        public const string AskEquipment = "training.ask_equipment";

        /// <summary><c>training.equipment.option.none</c>.</summary>
        public const string EquipmentOptionNone = "training.equipment.option.none";

        /// <summary><c>training.equipment.option.bands</c>.</summary>
        public const string EquipmentOptionBands = "training.equipment.option.bands";

        /// <summary><c>training.equipment.option.dumbbells</c>.</summary>
        public const string EquipmentOptionDumbbells = "training.equipment.option.dumbbells";

        /// <summary><c>training.equipment.option.kettlebell</c>.</summary>
        public const string EquipmentOptionKettlebell = "training.equipment.option.kettlebell";

        /// <summary><c>training.equipment.option.barbell</c>.</summary>
        public const string EquipmentOptionBarbell = "training.equipment.option.barbell";

        /// <summary><c>training.equipment.option.gym</c>.</summary>
        public const string EquipmentOptionGym = "training.equipment.option.gym";

        /// <summary><c>training.ask_experience</c>.</summary>
        public const string AskExperience = "training.ask_experience";

        /// <summary><c>training.experience.option.none</c>.</summary>
        public const string ExperienceOptionNone = "training.experience.option.none";

        /// <summary><c>training.experience.option.less_than_a_year</c>.</summary>
        public const string ExperienceOptionLessThanAYear = "training.experience.option.less_than_a_year";

        /// <summary><c>training.experience.option.a_year_or_more</c>.</summary>
        public const string ExperienceOptionAYearOrMore = "training.experience.option.a_year_or_more";

        /// <summary><c>training.ask_own_or_plan</c>.</summary>
        public const string AskOwnOrPlan = "training.ask_own_or_plan";

        /// <summary><c>training.option.own</c>.</summary>
        public const string OptionOwn = "training.option.own";

        /// <summary><c>training.option.plan</c>.</summary>
        public const string OptionPlan = "training.option.plan";

        /// <summary><c>training.starter_intro_bodyweight</c>.</summary>
        public const string StarterIntroBodyweight = "training.starter_intro_bodyweight";

        /// <summary><c>training.warm_up</c>.</summary>
        public const string WarmUp = "training.warm_up";

        /// <summary><c>training.other_days</c>.</summary>
        public const string OtherDays = "training.other_days";

        /// <summary><c>training.how_to_hint</c>.</summary>
        public const string HowToHint = "training.how_to_hint";

        /// <summary><c>training.plan_on_hold</c>.</summary>
        public const string PlanOnHold = "training.plan_on_hold";
    }

    /// <summary>Keys starting with <c>exercise.</c></summary>
    public static class Exercise
    {
        /// <summary><c>exercise.label.kettlebell_deadlift</c>.</summary>
        public const string LabelKettlebellDeadlift = "exercise.label.kettlebell_deadlift";

        /// <summary><c>exercise.label.goblet_squat</c>.</summary>
        public const string LabelGobletSquat = "exercise.label.goblet_squat";

        /// <summary><c>exercise.label.supported_row</c>.</summary>
        public const string LabelSupportedRow = "exercise.label.supported_row";

        /// <summary><c>exercise.label.glute_bridge</c>.</summary>
        public const string LabelGluteBridge = "exercise.label.glute_bridge";

        /// <summary><c>exercise.label.bird_dog</c>.</summary>
        public const string LabelBirdDog = "exercise.label.bird_dog";

        /// <summary><c>exercise.load_kg</c>. Placeholders: <c>{kg}</c>.</summary>
        public const string LoadKg = "exercise.load_kg";

        /// <summary><c>exercise.label.box_squat</c>.</summary>
        public const string LabelBoxSquat = "exercise.label.box_squat";

        /// <summary><c>exercise.label.hip_hinge_stick</c>.</summary>
        public const string LabelHipHingeStick = "exercise.label.hip_hinge_stick";

        /// <summary><c>exercise.label.single_leg_glute_bridge</c>.</summary>
        public const string LabelSingleLegGluteBridge = "exercise.label.single_leg_glute_bridge";

        /// <summary><c>exercise.label.supported_split_squat</c>.</summary>
        public const string LabelSupportedSplitSquat = "exercise.label.supported_split_squat";

        /// <summary><c>exercise.label.dead_bug</c>.</summary>
        public const string LabelDeadBug = "exercise.label.dead_bug";

        /// <summary><c>exercise.label.side_plank_knees</c>.</summary>
        public const string LabelSidePlankKnees = "exercise.label.side_plank_knees";

        /// <summary><c>exercise.label.side_plank</c>.</summary>
        public const string LabelSidePlank = "exercise.label.side_plank";

        /// <summary><c>exercise.label.band_row</c>.</summary>
        public const string LabelBandRow = "exercise.label.band_row";

        /// <summary><c>exercise.label.barbell_deadlift</c>.</summary>
        public const string LabelBarbellDeadlift = "exercise.label.barbell_deadlift";

        /// <summary><c>exercise.label.barbell_back_squat</c>.</summary>
        public const string LabelBarbellBackSquat = "exercise.label.barbell_back_squat";
    }

    /// <summary>Keys starting with <c>schedule.</c></summary>
    public static class Schedule
    {
        /// <summary><c>schedule.ask_days</c>.</summary>
        public const string AskDays = "schedule.ask_days";

        /// <summary><c>schedule.ask_time</c>.</summary>
        public const string AskTime = "schedule.ask_time";

        /// <summary><c>schedule.ask_time_zone</c>.</summary>
        public const string AskTimeZone = "schedule.ask_time_zone";

        /// <summary><c>schedule.confirm</c>. Placeholders: <c>{days}</c>, <c>{time}</c>, <c>{time_zone}</c>.</summary>
        public const string Confirm = "schedule.confirm";

        /// <summary><c>schedule.option.keep</c>.</summary>
        public const string OptionKeep = "schedule.option.keep";

        /// <summary><c>schedule.option.change</c>.</summary>
        public const string OptionChange = "schedule.option.change";

        /// <summary><c>schedule.change_ask</c>.</summary>
        public const string ChangeAsk = "schedule.change_ask";

        /// <summary><c>schedule.changed</c>. Placeholders: <c>{days}</c>, <c>{time}</c>, <c>{time_zone}</c>.</summary>
        public const string Changed = "schedule.changed";
    }

    /// <summary>Keys starting with <c>resuming.</c></summary>
    public static class Resuming
    {
        /// <summary><c>resuming.welcome_back</c>. Placeholders: <c>{name}</c>. 2 variants.</summary>
        public const string WelcomeBack = "resuming.welcome_back";

        /// <summary><c>resuming.ask_continue</c>.</summary>
        public const string AskContinue = "resuming.ask_continue";

        /// <summary><c>resuming.option.continue</c>.</summary>
        public const string OptionContinue = "resuming.option.continue";

        /// <summary><c>resuming.option.later</c>.</summary>
        public const string OptionLater = "resuming.option.later";
    }

    /// <summary>Keys starting with <c>checkin.</c></summary>
    public static class Checkin
    {
        /// <summary><c>checkin.greeting</c>. Placeholders: <c>{name}</c>. 3 variants.</summary>
        public const string Greeting = "checkin.greeting";

        /// <summary><c>checkin.start</c>.</summary>
        public const string Start = "checkin.start";

        /// <summary><c>checkin.already_done_today</c>.</summary>
        public const string AlreadyDoneToday = "checkin.already_done_today";

        /// <summary><c>checkin.ask_pain_now</c>.</summary>
        public const string AskPainNow = "checkin.ask_pain_now";

        /// <summary><c>checkin.confirm_pain_from_words</c>. Placeholders: <c>{score}</c>.</summary>
        public const string ConfirmPainFromWords = "checkin.confirm_pain_from_words";

        /// <summary><c>checkin.ask_pain_types</c>.</summary>
        public const string AskPainTypes = "checkin.ask_pain_types";

        /// <summary><c>checkin.pain_types.option.ache</c>.</summary>
        public const string PainTypesOptionAche = "checkin.pain_types.option.ache";

        /// <summary><c>checkin.pain_types.option.stiffness</c>.</summary>
        public const string PainTypesOptionStiffness = "checkin.pain_types.option.stiffness";

        /// <summary><c>checkin.pain_types.option.soreness</c>.</summary>
        public const string PainTypesOptionSoreness = "checkin.pain_types.option.soreness";

        /// <summary><c>checkin.pain_types.option.sharp</c>.</summary>
        public const string PainTypesOptionSharp = "checkin.pain_types.option.sharp";

        /// <summary><c>checkin.pain_types.option.radiating</c>.</summary>
        public const string PainTypesOptionRadiating = "checkin.pain_types.option.radiating";

        /// <summary><c>checkin.pain_types.option.numbness</c>.</summary>
        public const string PainTypesOptionNumbness = "checkin.pain_types.option.numbness";

        /// <summary><c>checkin.pain_types.option.burning</c>.</summary>
        public const string PainTypesOptionBurning = "checkin.pain_types.option.burning";

        /// <summary><c>checkin.pain_types.option.done</c>.</summary>
        public const string PainTypesOptionDone = "checkin.pain_types.option.done";

        /// <summary><c>checkin.pain_types.option.none</c>.</summary>
        public const string PainTypesOptionNone = "checkin.pain_types.option.none";

        /// <summary><c>checkin.pain_types.ask_more</c>.</summary>
        public const string PainTypesAskMore = "checkin.pain_types.ask_more";

        /// <summary><c>checkin.ask_below_knee</c>.</summary>
        public const string AskBelowKnee = "checkin.ask_below_knee";

        /// <summary><c>checkin.ask_session_pain</c>.</summary>
        public const string AskSessionPain = "checkin.ask_session_pain";

        /// <summary><c>checkin.ask_settled_next_morning</c>.</summary>
        public const string AskSettledNextMorning = "checkin.ask_settled_next_morning";

        /// <summary><c>checkin.ask_sessions_done</c>.</summary>
        public const string AskSessionsDone = "checkin.ask_sessions_done";

        /// <summary><c>checkin.ask_trend</c>.</summary>
        public const string AskTrend = "checkin.ask_trend";

        /// <summary><c>checkin.trend.option.better</c>.</summary>
        public const string TrendOptionBetter = "checkin.trend.option.better";

        /// <summary><c>checkin.trend.option.same</c>.</summary>
        public const string TrendOptionSame = "checkin.trend.option.same";

        /// <summary><c>checkin.trend.option.worse</c>.</summary>
        public const string TrendOptionWorse = "checkin.trend.option.worse";

        /// <summary><c>checkin.ask_anything_else</c>.</summary>
        public const string AskAnythingElse = "checkin.ask_anything_else";

        /// <summary><c>checkin.option.nothing_else</c>.</summary>
        public const string OptionNothingElse = "checkin.option.nothing_else";

        /// <summary><c>checkin.noted</c>.</summary>
        public const string Noted = "checkin.noted";

        /// <summary><c>checkin.thanks</c>. 2 variants.</summary>
        public const string Thanks = "checkin.thanks";

        /// <summary><c>checkin.reminder</c>. 2 variants. Sent once by the scheduler after an unanswered check-in.</summary>
        public const string Reminder = "checkin.reminder";
    }

    /// <summary>Keys starting with <c>redflag.</c></summary>
    public static class Redflag
    {
        /// <summary><c>redflag.ask_any_other_no_cancer</c>.</summary>
        public const string AskAnyOtherNoCancer = "redflag.ask_any_other_no_cancer";

        /// <summary><c>redflag.ask_any_other</c>.</summary>
        public const string AskAnyOther = "redflag.ask_any_other";

        /// <summary><c>redflag.ask_any_nerve_signs</c>.</summary>
        public const string AskAnyNerveSigns = "redflag.ask_any_nerve_signs";

        /// <summary><c>redflag.ask_fall_or_accident_onboarding</c>.</summary>
        public const string AskFallOrAccidentOnboarding = "redflag.ask_fall_or_accident_onboarding";

        /// <summary><c>redflag.intro</c>.</summary>
        public const string Intro = "redflag.intro";

        /// <summary><c>redflag.ask_bladder_bowel</c>.</summary>
        public const string AskBladderBowel = "redflag.ask_bladder_bowel";

        /// <summary><c>redflag.ask_saddle_numbness</c>.</summary>
        public const string AskSaddleNumbness = "redflag.ask_saddle_numbness";

        /// <summary><c>redflag.ask_leg_weakness</c>.</summary>
        public const string AskLegWeakness = "redflag.ask_leg_weakness";

        /// <summary><c>redflag.ask_fever</c>.</summary>
        public const string AskFever = "redflag.ask_fever";

        /// <summary><c>redflag.ask_fall_or_accident</c>.</summary>
        public const string AskFallOrAccident = "redflag.ask_fall_or_accident";

        /// <summary><c>redflag.ask_weight_loss</c>.</summary>
        public const string AskWeightLoss = "redflag.ask_weight_loss";

        /// <summary><c>redflag.ask_cancer_history</c>.</summary>
        public const string AskCancerHistory = "redflag.ask_cancer_history";

        /// <summary><c>redflag.ask_night_pain</c>.</summary>
        public const string AskNightPain = "redflag.ask_night_pain";

        /// <summary><c>redflag.all_clear</c>.</summary>
        public const string AllClear = "redflag.all_clear";
    }

    /// <summary>Keys starting with <c>common.</c></summary>
    public static class Common
    {
        /// <summary><c>common.option.yes</c>.</summary>
        public const string OptionYes = "common.option.yes";

        /// <summary><c>common.option.no</c>.</summary>
        public const string OptionNo = "common.option.no";

        /// <summary><c>common.option.not_sure</c>.</summary>
        public const string OptionNotSure = "common.option.not_sure";

        /// <summary><c>common.option.skip</c>.</summary>
        public const string OptionSkip = "common.option.skip";

        /// <summary><c>common.cancelled</c>.</summary>
        public const string Cancelled = "common.cancelled";
    }

    /// <summary>Keys starting with <c>retry.</c></summary>
    public static class Retry
    {
        /// <summary><c>retry.pain_score</c>. 2 variants.</summary>
        public const string PainScore = "retry.pain_score";

        /// <summary><c>retry.yes_no</c>. 2 variants.</summary>
        public const string YesNo = "retry.yes_no";

        /// <summary><c>retry.yes_no_not_sure</c>.</summary>
        public const string YesNoNotSure = "retry.yes_no_not_sure";

        /// <summary><c>retry.choice</c>.</summary>
        public const string Choice = "retry.choice";

        /// <summary><c>retry.multi_choice</c>.</summary>
        public const string MultiChoice = "retry.multi_choice";

        /// <summary><c>retry.sessions</c>.</summary>
        public const string Sessions = "retry.sessions";

        /// <summary><c>retry.age</c>.</summary>
        public const string Age = "retry.age";

        /// <summary><c>retry.weeks</c>.</summary>
        public const string Weeks = "retry.weeks";

        /// <summary><c>retry.name</c>.</summary>
        public const string Name = "retry.name";

        /// <summary><c>retry.days</c>.</summary>
        public const string Days = "retry.days";

        /// <summary><c>retry.time</c>.</summary>
        public const string Time = "retry.time";

        /// <summary><c>retry.time_zone</c>.</summary>
        public const string TimeZone = "retry.time_zone";

        /// <summary><c>retry.exercise</c>.</summary>
        public const string Exercise = "retry.exercise";

        /// <summary><c>retry.too_long</c>.</summary>
        public const string TooLong = "retry.too_long";

        /// <summary><c>retry.giving_up</c>.</summary>
        public const string GivingUp = "retry.giving_up";
    }

    /// <summary>Keys starting with <c>decision.</c></summary>
    public static class Decision
    {
        /// <summary><c>decision.progress</c>. 2 variants.</summary>
        public const string Progress = "decision.progress";

        /// <summary><c>decision.hold</c>. 2 variants.</summary>
        public const string Hold = "decision.hold";

        /// <summary><c>decision.pause</c>.</summary>
        public const string Pause = "decision.pause";

        /// <summary><c>decision.hold_reduce</c>.</summary>
        public const string HoldReduce = "decision.hold_reduce";

        /// <summary><c>decision.coach.progress</c>.</summary>
        public const string CoachProgress = "decision.coach.progress";

        /// <summary><c>decision.coach.hold</c>.</summary>
        public const string CoachHold = "decision.coach.hold";

        /// <summary><c>decision.coach.pause</c>.</summary>
        public const string CoachPause = "decision.coach.pause";
    }

    /// <summary>Keys starting with <c>token.</c></summary>
    public static class Token
    {
        /// <summary><c>token.seek_emergency_care</c>. Placeholders: <c>{emergency_number}</c>.</summary>
        public const string SeekEmergencyCare = "token.seek_emergency_care";

        /// <summary><c>token.see_a_doctor_today</c>.</summary>
        public const string SeeADoctorToday = "token.see_a_doctor_today";

        /// <summary><c>token.crisis_line</c>. Placeholders: <c>{crisis_lines}</c>, <c>{emergency_number}</c>.</summary>
        public const string CrisisLine = "token.crisis_line";

        /// <summary><c>token.coach_will_contact_you</c>.</summary>
        public const string CoachWillContactYou = "token.coach_will_contact_you";

        /// <summary><c>token.coach_will_contact_you_named</c>. Placeholders: <c>{coach_name}</c>.</summary>
        public const string CoachWillContactYouNamed = "token.coach_will_contact_you_named";

        /// <summary><c>token.coach_will_contact_you_today</c>.</summary>
        public const string CoachWillContactYouToday = "token.coach_will_contact_you_today";

        /// <summary><c>token.coach_will_contact_you_today_named</c>. Placeholders: <c>{coach_name}</c>.</summary>
        public const string CoachWillContactYouTodayNamed = "token.coach_will_contact_you_today_named";

        /// <summary><c>token.stop_the_exercise</c>.</summary>
        public const string StopTheExercise = "token.stop_the_exercise";

        /// <summary><c>token.reduce_the_load</c>.</summary>
        public const string ReduceTheLoad = "token.reduce_the_load";

        /// <summary><c>token.keep_moving_gently</c>.</summary>
        public const string KeepMovingGently = "token.keep_moving_gently";

        /// <summary><c>token.flare_up_plan</c>.</summary>
        public const string FlareUpPlan = "token.flare_up_plan";

        /// <summary><c>token.confirm_flare_up_status</c>.</summary>
        public const string ConfirmFlareUpStatus = "token.confirm_flare_up_status";

        /// <summary><c>token.check_with_your_surgeon</c>.</summary>
        public const string CheckWithYourSurgeon = "token.check_with_your_surgeon";

        /// <summary><c>token.train_2_3_times_a_week</c>.</summary>
        public const string Train23TimesAWeek = "token.train_2_3_times_a_week";

        /// <summary><c>token.increase_the_load_slightly</c>.</summary>
        public const string IncreaseTheLoadSlightly = "token.increase_the_load_slightly";

        /// <summary><c>token.soreness_is_normal</c>.</summary>
        public const string SorenessIsNormal = "token.soreness_is_normal";
    }

    /// <summary>Keys starting with <c>prescription.</c></summary>
    public static class Prescription
    {
        /// <summary><c>prescription.intro</c>.</summary>
        public const string Intro = "prescription.intro";

        /// <summary><c>prescription.item</c>. Placeholders: <c>{exercise}</c>, <c>{load}</c>, <c>{reps}</c>, <c>{sets}</c>.</summary>
        public const string Item = "prescription.item";

        /// <summary><c>prescription.item_no_weight</c>. Placeholders: <c>{exercise}</c>, <c>{reps}</c>, <c>{sets}</c>.</summary>
        public const string ItemNoWeight = "prescription.item_no_weight";

        /// <summary><c>prescription.same_as_last</c>.</summary>
        public const string SameAsLast = "prescription.same_as_last";

        /// <summary><c>prescription.paused</c>.</summary>
        public const string Paused = "prescription.paused";

        /// <summary><c>prescription.rest_days</c>.</summary>
        public const string RestDays = "prescription.rest_days";
    }

    /// <summary>Keys starting with <c>lesson.</c></summary>
    public static class Lesson
    {
        /// <summary><c>lesson.offer</c>. Placeholders: <c>{title}</c>.</summary>
        public const string Offer = "lesson.offer";

        /// <summary><c>lesson.option.read</c>.</summary>
        public const string OptionRead = "lesson.option.read";

        /// <summary><c>lesson.option.later</c>.</summary>
        public const string OptionLater = "lesson.option.later";

        /// <summary><c>lesson.later_ok</c>.</summary>
        public const string LaterOk = "lesson.later_ok";

        /// <summary><c>lesson.menu_intro</c>.</summary>
        public const string MenuIntro = "lesson.menu_intro";

        /// <summary><c>lesson.menu_item</c>. Placeholders: <c>{number}</c>, <c>{title}</c>.</summary>
        public const string MenuItem = "lesson.menu_item";

        /// <summary><c>lesson.not_found</c>.</summary>
        public const string NotFound = "lesson.not_found";

        /// <summary><c>lesson.after</c>.</summary>
        public const string After = "lesson.after";

        /// <summary><c>lesson.none_left</c>.</summary>
        public const string NoneLeft = "lesson.none_left";
    }

    /// <summary>Keys starting with <c>safety.</c></summary>
    public static class Safety
    {
        /// <summary><c>safety.emergency</c>. Placeholders: <c>{emergency_number}</c>.</summary>
        public const string Emergency = "safety.emergency";

        /// <summary><c>safety.red_flag_emergency</c>. Placeholders: <c>{emergency_number}</c>.</summary>
        public const string RedFlagEmergency = "safety.red_flag_emergency";

        /// <summary><c>safety.aortic_emergency</c>. Placeholders: <c>{emergency_number}</c>.</summary>
        public const string AorticEmergency = "safety.aortic_emergency";

        /// <summary><c>safety.urgent_see_doctor_today</c>.</summary>
        public const string UrgentSeeDoctorToday = "safety.urgent_see_doctor_today";

        /// <summary><c>safety.crisis</c>. Placeholders: <c>{crisis_lines}</c>, <c>{emergency_number}</c>.</summary>
        public const string Crisis = "safety.crisis";

        /// <summary><c>safety.crisis_imminent</c>. Placeholders: <c>{crisis_lines}</c>, <c>{emergency_number}</c>.</summary>
        public const string CrisisImminent = "safety.crisis_imminent";

        /// <summary><c>safety.crisis_line_item</c>. Placeholders: <c>{line_name}</c>, <c>{line_number}</c>.</summary>
        public const string CrisisLineItem = "safety.crisis_line_item";

        /// <summary><c>safety.crisis_line_item_text</c>. Placeholders: <c>{line_name}</c>, <c>{line_number}</c>.</summary>
        public const string CrisisLineItemText = "safety.crisis_line_item_text";

        /// <summary><c>safety.crisis_line_none</c>.</summary>
        public const string CrisisLineNone = "safety.crisis_line_none";

        /// <summary><c>safety.distress</c>. Placeholders: <c>{emergency_number}</c>.</summary>
        public const string Distress = "safety.distress";

        /// <summary><c>safety.ask_numbness</c>.</summary>
        public const string AskNumbness = "safety.ask_numbness";

        /// <summary><c>safety.ask_bladder</c>.</summary>
        public const string AskBladder = "safety.ask_bladder";

        /// <summary><c>safety.ask_weakness</c>.</summary>
        public const string AskWeakness = "safety.ask_weakness";

        /// <summary><c>safety.ask_thanks</c>.</summary>
        public const string AskThanks = "safety.ask_thanks";

        /// <summary><c>safety.training_stopped</c>.</summary>
        public const string TrainingStopped = "safety.training_stopped";

        /// <summary><c>safety.after_alert</c>.</summary>
        public const string AfterAlert = "safety.after_alert";

        /// <summary><c>safety.netting</c>.</summary>
        public const string Netting = "safety.netting";

        /// <summary><c>safety.netting_reminder</c>.</summary>
        public const string NettingReminder = "safety.netting_reminder";

        /// <summary><c>safety.netting_short</c>.</summary>
        public const string NettingShort = "safety.netting_short";
    }

    /// <summary>Keys starting with <c>flareup.</c></summary>
    public static class Flareup
    {
        /// <summary><c>flareup.plan</c>.</summary>
        public const string Plan = "flareup.plan";

        /// <summary><c>flareup.ask_is_over</c>.</summary>
        public const string AskIsOver = "flareup.ask_is_over";

        /// <summary><c>flareup.option.over</c>.</summary>
        public const string OptionOver = "flareup.option.over";

        /// <summary><c>flareup.option.not_over</c>.</summary>
        public const string OptionNotOver = "flareup.option.not_over";

        /// <summary><c>flareup.still_on</c>.</summary>
        public const string StillOn = "flareup.still_on";

        /// <summary><c>flareup.lasting</c>.</summary>
        public const string Lasting = "flareup.lasting";

        /// <summary><c>flareup.second</c>.</summary>
        public const string Second = "flareup.second";

        /// <summary><c>flareup.over</c>.</summary>
        public const string Over = "flareup.over";

        /// <summary><c>flareup.cycle</c>.</summary>
        public const string Cycle = "flareup.cycle";

        /// <summary><c>flareup.passive</c>.</summary>
        public const string Passive = "flareup.passive";

        /// <summary><c>flareup.ask_now</c>.</summary>
        public const string AskNow = "flareup.ask_now";

        /// <summary><c>flareup.recorded</c>.</summary>
        public const string Recorded = "flareup.recorded";

        /// <summary><c>flareup.not_now</c>.</summary>
        public const string NotNow = "flareup.not_now";
    }

    /// <summary>Keys starting with <c>ladder.</c></summary>
    public static class Ladder
    {
        /// <summary><c>ladder.intro</c>.</summary>
        public const string Intro = "ladder.intro";

        /// <summary><c>ladder.step_1</c>.</summary>
        public const string Step1 = "ladder.step_1";

        /// <summary><c>ladder.step_2</c>.</summary>
        public const string Step2 = "ladder.step_2";

        /// <summary><c>ladder.step_3</c>.</summary>
        public const string Step3 = "ladder.step_3";

        /// <summary><c>ladder.stay</c>.</summary>
        public const string Stay = "ladder.stay";

        /// <summary><c>ladder.drop</c>.</summary>
        public const string Drop = "ladder.drop";

        /// <summary><c>ladder.long_break</c>.</summary>
        public const string LongBreak = "ladder.long_break";

        /// <summary><c>ladder.not_ready</c>.</summary>
        public const string NotReady = "ladder.not_ready";
    }

    /// <summary>Keys starting with <c>coach.</c></summary>
    public static class Coach
    {
        /// <summary><c>coach.request_ack</c>.</summary>
        public const string RequestAck = "coach.request_ack";

        /// <summary><c>coach.ask_message</c>.</summary>
        public const string AskMessage = "coach.ask_message";

        /// <summary><c>coach.joined</c>. Placeholders: <c>{coach_name}</c>.</summary>
        public const string Joined = "coach.joined";

        /// <summary><c>coach.handed_back</c>. Placeholders: <c>{coach_name}</c>.</summary>
        public const string HandedBack = "coach.handed_back";

        /// <summary><c>coach.while_waiting</c>.</summary>
        public const string WhileWaiting = "coach.while_waiting";

        /// <summary><c>coach.joined_unnamed</c>.</summary>
        public const string JoinedUnnamed = "coach.joined_unnamed";

        /// <summary><c>coach.handed_back_unnamed</c>.</summary>
        public const string HandedBackUnnamed = "coach.handed_back_unnamed";
    }

    /// <summary>Keys starting with <c>progress.</c></summary>
    public static class Progress
    {
        /// <summary><c>progress.chart.alt</c>.</summary>
        public const string ChartAlt = "progress.chart.alt";

        /// <summary><c>progress.chart.sentence</c>. Placeholders: <c>{last}</c>, <c>{number}</c>.</summary>
        public const string ChartSentence = "progress.chart.sentence";

        /// <summary><c>progress.intro</c>. Placeholders: <c>{name}</c>.</summary>
        public const string Intro = "progress.intro";

        /// <summary><c>progress.pain_trend.better</c>.</summary>
        public const string PainTrendBetter = "progress.pain_trend.better";

        /// <summary><c>progress.pain_trend.same</c>.</summary>
        public const string PainTrendSame = "progress.pain_trend.same";

        /// <summary><c>progress.pain_trend.worse</c>.</summary>
        public const string PainTrendWorse = "progress.pain_trend.worse";

        /// <summary><c>progress.pain_trend.unknown</c>.</summary>
        public const string PainTrendUnknown = "progress.pain_trend.unknown";

        /// <summary><c>progress.pain_change</c>. Placeholders: <c>{first}</c>, <c>{last}</c>.</summary>
        public const string PainChange = "progress.pain_change";

        /// <summary><c>progress.pain_stayed</c>. Placeholders: <c>{pain}</c>.</summary>
        public const string PainStayed = "progress.pain_stayed";

        /// <summary><c>progress.pain_single</c>. Placeholders: <c>{pain}</c>.</summary>
        public const string PainSingle = "progress.pain_single";

        /// <summary><c>progress.summary</c>. Placeholders: <c>{checkin_count}</c>, <c>{hold_count}</c>, <c>{pause_count}</c>, <c>{progress_count}</c>.</summary>
        public const string Summary = "progress.summary";

        /// <summary><c>progress.checkins.one</c>.</summary>
        public const string CheckinsOne = "progress.checkins.one";

        /// <summary><c>progress.checkins.many</c>. Placeholders: <c>{checkin_count}</c>.</summary>
        public const string CheckinsMany = "progress.checkins.many";

        /// <summary><c>progress.stepped_up.one</c>.</summary>
        public const string SteppedUpOne = "progress.stepped_up.one";

        /// <summary><c>progress.stepped_up.many</c>. Placeholders: <c>{progress_count}</c>.</summary>
        public const string SteppedUpMany = "progress.stepped_up.many";

        /// <summary><c>progress.held_steady.one</c>.</summary>
        public const string HeldSteadyOne = "progress.held_steady.one";

        /// <summary><c>progress.held_steady.many</c>. Placeholders: <c>{hold_count}</c>.</summary>
        public const string HeldSteadyMany = "progress.held_steady.many";

        /// <summary><c>progress.took_a_break.one</c>.</summary>
        public const string TookABreakOne = "progress.took_a_break.one";

        /// <summary><c>progress.took_a_break.many</c>. Placeholders: <c>{pause_count}</c>.</summary>
        public const string TookABreakMany = "progress.took_a_break.many";

        /// <summary><c>progress.recent_item</c>. Placeholders: <c>{date}</c>, <c>{decision}</c>, <c>{pain}</c>.</summary>
        public const string RecentItem = "progress.recent_item";

        /// <summary><c>progress.decision_name.progress</c>.</summary>
        public const string DecisionNameProgress = "progress.decision_name.progress";

        /// <summary><c>progress.decision_name.hold</c>.</summary>
        public const string DecisionNameHold = "progress.decision_name.hold";

        /// <summary><c>progress.decision_name.pause</c>.</summary>
        public const string DecisionNamePause = "progress.decision_name.pause";

        /// <summary><c>progress.none</c>.</summary>
        public const string None = "progress.none";
    }

    /// <summary>Keys starting with <c>help.</c></summary>
    public static class Help
    {
        /// <summary><c>help.menu</c>.</summary>
        public const string Menu = "help.menu";

        /// <summary><c>help.emergency_reminder</c>. Placeholders: <c>{emergency_number}</c>.</summary>
        public const string EmergencyReminder = "help.emergency_reminder";
    }

    /// <summary>Keys starting with <c>stop_checkins.</c></summary>
    public static class StopCheckins
    {
        /// <summary><c>stop_checkins.confirm</c>.</summary>
        public const string Confirm = "stop_checkins.confirm";

        /// <summary><c>stop_checkins.option.pause</c>.</summary>
        public const string OptionPause = "stop_checkins.option.pause";

        /// <summary><c>stop_checkins.option.keep</c>.</summary>
        public const string OptionKeep = "stop_checkins.option.keep";

        /// <summary><c>stop_checkins.done</c>.</summary>
        public const string Done = "stop_checkins.done";

        /// <summary><c>stop_checkins.kept</c>.</summary>
        public const string Kept = "stop_checkins.kept";

        /// <summary><c>stop_checkins.restarted</c>.</summary>
        public const string Restarted = "stop_checkins.restarted";
    }

    /// <summary>Keys starting with <c>reminder.</c></summary>
    public static class Reminder
    {
        /// <summary><c>reminder.after_silence</c>. Placeholders: <c>{name}</c>. 3 variants.</summary>
        public const string AfterSilence = "reminder.after_silence";

        /// <summary><c>reminder.ask_when</c>.</summary>
        public const string AskWhen = "reminder.ask_when";

        /// <summary><c>reminder.option.one_hour</c>.</summary>
        public const string OptionOneHour = "reminder.option.one_hour";

        /// <summary><c>reminder.option.two_hours</c>.</summary>
        public const string OptionTwoHours = "reminder.option.two_hours";

        /// <summary><c>reminder.option.this_evening</c>.</summary>
        public const string OptionThisEvening = "reminder.option.this_evening";

        /// <summary><c>reminder.option.tonight</c>.</summary>
        public const string OptionTonight = "reminder.option.tonight";

        /// <summary><c>reminder.option.tomorrow</c>.</summary>
        public const string OptionTomorrow = "reminder.option.tomorrow";

        /// <summary><c>reminder.confirmed</c>. Placeholders: <c>{when}</c>.</summary>
        public const string Confirmed = "reminder.confirmed";

        /// <summary><c>reminder.when.one_hour</c>.</summary>
        public const string WhenOneHour = "reminder.when.one_hour";

        /// <summary><c>reminder.when.hours</c>. Placeholders: <c>{number}</c>.</summary>
        public const string WhenHours = "reminder.when.hours";

        /// <summary><c>reminder.when.this_evening</c>. Placeholders: <c>{time}</c>.</summary>
        public const string WhenThisEvening = "reminder.when.this_evening";

        /// <summary><c>reminder.when.tomorrow</c>. Placeholders: <c>{time}</c>.</summary>
        public const string WhenTomorrow = "reminder.when.tomorrow";
    }

    /// <summary>Keys starting with <c>errors.</c></summary>
    public static class Errors
    {
        /// <summary><c>errors.internal</c>. 2 variants.</summary>
        public const string Internal = "errors.internal";
    }

    /// <summary>Keys starting with <c>fallback.</c></summary>
    public static class Fallback
    {
        /// <summary><c>fallback.not_understood</c>. 3 variants.</summary>
        public const string NotUnderstood = "fallback.not_understood";

        /// <summary><c>fallback.not_understood_in_dialog</c>.</summary>
        public const string NotUnderstoodInDialog = "fallback.not_understood_in_dialog";
    }

    /// <summary>Keys starting with <c>screening.</c></summary>
    public static class Screening
    {
        /// <summary><c>screening.one_by_one</c>.</summary>
        public const string OneByOne = "screening.one_by_one";

        /// <summary><c>screening.ask_any</c>.</summary>
        public const string AskAny = "screening.ask_any";

        /// <summary><c>screening.intro</c>.</summary>
        public const string Intro = "screening.intro";

        /// <summary><c>screening.option.surgery</c>.</summary>
        public const string OptionSurgery = "screening.option.surgery";

        /// <summary><c>screening.option.injection</c>.</summary>
        public const string OptionInjection = "screening.option.injection";

        /// <summary><c>screening.ask_pregnancy</c>.</summary>
        public const string AskPregnancy = "screening.ask_pregnancy";

        /// <summary><c>screening.ask_bones</c>.</summary>
        public const string AskBones = "screening.ask_bones";

        /// <summary><c>screening.ask_spine_condition</c>.</summary>
        public const string AskSpineCondition = "screening.ask_spine_condition";

        /// <summary><c>screening.ask_general_health</c>.</summary>
        public const string AskGeneralHealth = "screening.ask_general_health";

        /// <summary><c>screening.ask_new_pain</c>.</summary>
        public const string AskNewPain = "screening.ask_new_pain";

        /// <summary><c>screening.all_clear</c>.</summary>
        public const string AllClear = "screening.all_clear";

        /// <summary><c>screening.hold_intro</c>.</summary>
        public const string HoldIntro = "screening.hold_intro";

        /// <summary><c>screening.reason.surgery</c>.</summary>
        public const string ReasonSurgery = "screening.reason.surgery";

        /// <summary><c>screening.reason.injection</c>.</summary>
        public const string ReasonInjection = "screening.reason.injection";

        /// <summary><c>screening.reason.spine_condition</c>.</summary>
        public const string ReasonSpineCondition = "screening.reason.spine_condition";

        /// <summary><c>screening.reason.general_health</c>.</summary>
        public const string ReasonGeneralHealth = "screening.reason.general_health";

        /// <summary><c>screening.reason.pregnancy</c>.</summary>
        public const string ReasonPregnancy = "screening.reason.pregnancy";

        /// <summary><c>screening.reason.bones</c>.</summary>
        public const string ReasonBones = "screening.reason.bones";

        /// <summary><c>screening.reason.past_cancer</c>.</summary>
        public const string ReasonPastCancer = "screening.reason.past_cancer";

        /// <summary><c>screening.reason.age</c>.</summary>
        public const string ReasonAge = "screening.reason.age";

        /// <summary><c>screening.reason.red_flag</c>.</summary>
        public const string ReasonRedFlag = "screening.reason.red_flag";

        /// <summary><c>screening.hold_next</c>.</summary>
        public const string HoldNext = "screening.hold_next";

        /// <summary><c>screening.urgent</c>.</summary>
        public const string Urgent = "screening.urgent";
    }

    /// <summary>Keys starting with <c>clearance.</c></summary>
    public static class Clearance
    {
        /// <summary><c>clearance.released_coach</c>.</summary>
        public const string ReleasedCoach = "clearance.released_coach";

        /// <summary><c>clearance.released_doctor</c>.</summary>
        public const string ReleasedDoctor = "clearance.released_doctor";

        /// <summary><c>clearance.not_needed</c>.</summary>
        public const string NotNeeded = "clearance.not_needed";

        /// <summary><c>clearance.still_waiting</c>.</summary>
        public const string StillWaiting = "clearance.still_waiting";
    }

    /// <summary>Keys starting with <c>change.</c></summary>
    public static class Change
    {
        /// <summary><c>change.easier</c>.</summary>
        public const string Easier = "change.easier";

        /// <summary><c>change.mark.more_weight</c>.</summary>
        public const string MarkMoreWeight = "change.mark.more_weight";

        /// <summary><c>change.mark.more_reps</c>.</summary>
        public const string MarkMoreReps = "change.mark.more_reps";

        /// <summary><c>change.mark.more_sets</c>.</summary>
        public const string MarkMoreSets = "change.mark.more_sets";

        /// <summary><c>change.mark.harder</c>.</summary>
        public const string MarkHarder = "change.mark.harder";

        /// <summary><c>change.mark.lighter</c>.</summary>
        public const string MarkLighter = "change.mark.lighter";

        /// <summary><c>change.mark.easier</c>.</summary>
        public const string MarkEasier = "change.mark.easier";

        /// <summary><c>change.more_weight</c>.</summary>
        public const string MoreWeight = "change.more_weight";

        /// <summary><c>change.more_reps</c>.</summary>
        public const string MoreReps = "change.more_reps";

        /// <summary><c>change.harder</c>.</summary>
        public const string Harder = "change.harder";

        /// <summary><c>change.not_yet</c>.</summary>
        public const string NotYet = "change.not_yet";

        /// <summary><c>change.mark.more_reps_few</c>.</summary>
        public const string MarkMoreRepsFew = "change.mark.more_reps_few";

        /// <summary><c>change.more_reps_few</c>.</summary>
        public const string MoreRepsFew = "change.more_reps_few";
    }

    /// <summary>Keys starting with <c>howto.</c></summary>
    public static class Howto
    {
        /// <summary><c>howto.ask_which</c>.</summary>
        public const string AskWhich = "howto.ask_which";

        /// <summary><c>howto.not_found</c>. Placeholders: <c>{exercises}</c>.</summary>
        public const string NotFound = "howto.not_found";

        /// <summary><c>howto.label.setup</c>.</summary>
        public const string LabelSetup = "howto.label.setup";

        /// <summary><c>howto.label.cues</c>.</summary>
        public const string LabelCues = "howto.label.cues";

        /// <summary><c>howto.label.mistake</c>.</summary>
        public const string LabelMistake = "howto.label.mistake";

        /// <summary><c>howto.label.easier</c>.</summary>
        public const string LabelEasier = "howto.label.easier";

        /// <summary><c>howto.label.harder</c>.</summary>
        public const string LabelHarder = "howto.label.harder";

        /// <summary><c>howto.image_alt</c>.</summary>
        public const string ImageAlt = "howto.image_alt";

        /// <summary><c>howto.label.video</c>.</summary>
        public const string LabelVideo = "howto.label.video";
    }

    /// <summary>Keys starting with <c>card.</c> (the Adaptive Cards).</summary>
    public static class Card
    {
        /// <summary><c>card.about.title</c>.</summary>
        public const string AboutTitle = "card.about.title";

        /// <summary><c>card.about.age</c>.</summary>
        public const string AboutAge = "card.about.age";

        /// <summary><c>card.about.function_score</c>.</summary>
        public const string AboutFunctionScore = "card.about.function_score";

        /// <summary><c>card.health.title</c>.</summary>
        public const string HealthTitle = "card.health.title";

        /// <summary><c>card.health.surgery_weeks</c>.</summary>
        public const string HealthSurgeryWeeks = "card.health.surgery_weeks";

        /// <summary><c>card.startback.title</c>.</summary>
        public const string StartbackTitle = "card.startback.title";

        /// <summary><c>card.training.title</c>.</summary>
        public const string TrainingTitle = "card.training.title";

        /// <summary><c>card.training.own_exercises</c>.</summary>
        public const string TrainingOwnExercises = "card.training.own_exercises";

        /// <summary><c>card.schedule.title</c>.</summary>
        public const string ScheduleTitle = "card.schedule.title";

        /// <summary><c>card.schedule.days</c>.</summary>
        public const string ScheduleDays = "card.schedule.days";

        /// <summary><c>card.next</c>.</summary>
        public const string Next = "card.next";

        /// <summary><c>card.welcome.how_long</c>.</summary>
        public const string WelcomeHowLong = "card.welcome.how_long";

        /// <summary><c>card.error.name</c>.</summary>
        public const string ErrorName = "card.error.name";

        /// <summary><c>card.error.age</c>.</summary>
        public const string ErrorAge = "card.error.age";

        /// <summary><c>card.error.base_pain</c>.</summary>
        public const string ErrorBasePain = "card.error.base_pain";

        /// <summary><c>card.error.score</c>.</summary>
        public const string ErrorScore = "card.error.score";

        /// <summary><c>card.error.surgery_weeks</c>.</summary>
        public const string ErrorSurgeryWeeks = "card.error.surgery_weeks";

        /// <summary><c>card.error.answer_all</c>.</summary>
        public const string ErrorAnswerAll = "card.error.answer_all";

        /// <summary><c>card.error.exercises</c>.</summary>
        public const string ErrorExercises = "card.error.exercises";

        /// <summary><c>card.error.days</c>.</summary>
        public const string ErrorDays = "card.error.days";

        /// <summary><c>card.error.time</c>.</summary>
        public const string ErrorTime = "card.error.time";

        /// <summary><c>card.error.time_zone</c>.</summary>
        public const string ErrorTimeZone = "card.error.time_zone";

        /// <summary><c>card.checkin.title</c>.</summary>
        public const string CheckinTitle = "card.checkin.title";

        /// <summary><c>card.checkin.intro</c>.</summary>
        public const string CheckinIntro = "card.checkin.intro";

        /// <summary><c>card.checkin.label.pain_now</c>.</summary>
        public const string CheckinLabelPainNow = "card.checkin.label.pain_now";

        /// <summary><c>card.checkin.label.pain_types</c>.</summary>
        public const string CheckinLabelPainTypes = "card.checkin.label.pain_types";

        /// <summary><c>card.checkin.label.session_pain</c>.</summary>
        public const string CheckinLabelSessionPain = "card.checkin.label.session_pain";

        /// <summary><c>card.checkin.red_flags_title</c>.</summary>
        public const string CheckinRedFlagsTitle = "card.checkin.red_flags_title";

        /// <summary><c>card.checkin.label.anything_else</c>.</summary>
        public const string CheckinLabelAnythingElse = "card.checkin.label.anything_else";

        /// <summary><c>card.checkin.hint.anything_else</c>.</summary>
        public const string CheckinHintAnythingElse = "card.checkin.hint.anything_else";

        /// <summary><c>card.checkin.send</c>.</summary>
        public const string CheckinSend = "card.checkin.send";

        /// <summary><c>card.error.choose</c>.</summary>
        public const string ErrorChoose = "card.error.choose";

        /// <summary><c>card.error.pain_now</c>.</summary>
        public const string ErrorPainNow = "card.error.pain_now";

        /// <summary><c>card.error.session_pain</c>.</summary>
        public const string ErrorSessionPain = "card.error.session_pain";

        /// <summary><c>card.error.sessions</c>.</summary>
        public const string ErrorSessions = "card.error.sessions";

        /// <summary><c>card.error.flare</c>.</summary>
        public const string ErrorFlare = "card.error.flare";

        /// <summary><c>card.error.below_knee</c>.</summary>
        public const string ErrorBelowKnee = "card.error.below_knee";

        /// <summary><c>card.error.settled</c>.</summary>
        public const string ErrorSettled = "card.error.settled";

        /// <summary><c>card.error.trend</c>.</summary>
        public const string ErrorTrend = "card.error.trend";

        /// <summary><c>card.error.red_flags</c>.</summary>
        public const string ErrorRedFlags = "card.error.red_flags";

        /// <summary><c>card.fix_intro</c>.</summary>
        public const string FixIntro = "card.fix_intro";

        /// <summary><c>card.red_flags_needed</c>.</summary>
        public const string RedFlagsNeeded = "card.red_flags_needed";

        /// <summary><c>card.typed_instead</c>.</summary>
        public const string TypedInstead = "card.typed_instead";

        /// <summary><c>card.already_answered</c>.</summary>
        public const string AlreadyAnswered = "card.already_answered";

        /// <summary><c>card.out_of_date</c>.</summary>
        public const string OutOfDate = "card.out_of_date";

        /// <summary><c>card.decision.title</c>.</summary>
        public const string DecisionTitle = "card.decision.title";

        /// <summary><c>card.decision.why</c>.</summary>
        public const string DecisionWhy = "card.decision.why";

        /// <summary><c>card.table.exercise</c>.</summary>
        public const string TableExercise = "card.table.exercise";

        /// <summary><c>card.table.sets</c>.</summary>
        public const string TableSets = "card.table.sets";

        /// <summary><c>card.table.reps</c>.</summary>
        public const string TableReps = "card.table.reps";

        /// <summary><c>card.table.load</c>.</summary>
        public const string TableLoad = "card.table.load";

        /// <summary><c>card.table.body_weight</c>.</summary>
        public const string TableBodyWeight = "card.table.body_weight";

        /// <summary><c>card.reason.progress</c>.</summary>
        public const string ReasonProgress = "card.reason.progress";

        /// <summary><c>card.reason.not_steady_yet</c>.</summary>
        public const string ReasonNotSteadyYet = "card.reason.not_steady_yet";

        /// <summary><c>card.reason.few_sessions</c>.</summary>
        public const string ReasonFewSessions = "card.reason.few_sessions";

        /// <summary><c>card.reason.pain_high</c>.</summary>
        public const string ReasonPainHigh = "card.reason.pain_high";

        /// <summary><c>card.reason.flare_up</c>.</summary>
        public const string ReasonFlareUp = "card.reason.flare_up";

        /// <summary><c>card.reason.not_settled</c>.</summary>
        public const string ReasonNotSettled = "card.reason.not_settled";

        /// <summary><c>card.reason.worse</c>.</summary>
        public const string ReasonWorse = "card.reason.worse";

        /// <summary><c>card.reason.session_pain_high</c>.</summary>
        public const string ReasonSessionPainHigh = "card.reason.session_pain_high";

        /// <summary><c>card.reason.pain_medium</c>.</summary>
        public const string ReasonPainMedium = "card.reason.pain_medium";

        /// <summary><c>card.reason.session_pain_medium</c>.</summary>
        public const string ReasonSessionPainMedium = "card.reason.session_pain_medium";

        /// <summary><c>card.reason.unknowns</c>.</summary>
        public const string ReasonUnknowns = "card.reason.unknowns";

        /// <summary><c>card.reason.flare_up_low_pain</c>.</summary>
        public const string ReasonFlareUpLowPain = "card.reason.flare_up_low_pain";

        /// <summary><c>card.reason.surgery</c>.</summary>
        public const string ReasonSurgery = "card.reason.surgery";

        /// <summary><c>card.reason.leg_pain</c>.</summary>
        public const string ReasonLegPain = "card.reason.leg_pain";

        /// <summary><c>card.reason.sharp</c>.</summary>
        public const string ReasonSharp = "card.reason.sharp";

        /// <summary><c>card.reason.burning</c>.</summary>
        public const string ReasonBurning = "card.reason.burning";

        /// <summary><c>card.reason.night_pain</c>.</summary>
        public const string ReasonNightPain = "card.reason.night_pain";

        /// <summary><c>card.reason.hard_time</c>.</summary>
        public const string ReasonHardTime = "card.reason.hard_time";
    }

    /// <summary>Every key above, for the start-up check.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Welcome.Hello,
        Welcome.WhatIDo,
        Welcome.WhatIAmNot,
        Welcome.EmergencyInfo,
        Welcome.HowLong,
        Consent.Ask,
        Consent.OptionYes,
        Consent.OptionNo,
        Consent.OptionMore,
        Consent.More,
        Consent.Thanks,
        Consent.Declined,
        Onboarding.AskName,
        Onboarding.NameThanks,
        Onboarding.AskAge,
        Onboarding.AskBaselinePain,
        Onboarding.AskFunctionActivity,
        Onboarding.AskFunctionScore,
        Onboarding.AskMoreFunction,
        Onboarding.OptionNoMore,
        Onboarding.AskRecentSurgery,
        Onboarding.AskSurgeryWeeks,
        Onboarding.SurgeryClearance,
        Onboarding.Done,
        Startback.Intro,
        Startback.Q1,
        Startback.Q2,
        Startback.Q3,
        Startback.Q4,
        Startback.Q5,
        Startback.Q6,
        Startback.Q7,
        Startback.Q8,
        Startback.Q9,
        Startback.OptionAgree,
        Startback.OptionDisagree,
        Startback.Q9OptionNotAtAll,
        Startback.Q9OptionSlightly,
        Startback.Q9OptionModerately,
        Startback.Q9OptionVeryMuch,
        Startback.Q9OptionExtremely,
        Startback.Thanks,
        Startback.HighSupport,
        Goals.Ask,
        Goals.Examples,
        Goals.Thanks,
        Training.AskCurrent,
        Training.AskExercises,
        Training.ExerciseAdded,
        Training.AskMoreExercises,
        Training.OptionThatsAll,
        Training.StarterIntro,
        Training.StarterItem,
        Training.StarterOutro,
        Exercise.LabelKettlebellDeadlift,
        Exercise.LabelGobletSquat,
        Exercise.LabelSupportedRow,
        Exercise.LabelGluteBridge,
        Exercise.LabelBirdDog,
        Exercise.LoadKg,
        Schedule.AskDays,
        Schedule.AskTime,
        Schedule.AskTimeZone,
        Schedule.Confirm,
        Schedule.OptionKeep,
        Schedule.OptionChange,
        Schedule.ChangeAsk,
        Schedule.Changed,
        Resuming.WelcomeBack,
        Resuming.AskContinue,
        Resuming.OptionContinue,
        Resuming.OptionLater,
        Checkin.Greeting,
        Checkin.Start,
        Checkin.AlreadyDoneToday,
        Checkin.AskPainNow,
        Checkin.ConfirmPainFromWords,
        Checkin.AskPainTypes,
        Checkin.PainTypesOptionAche,
        Checkin.PainTypesOptionStiffness,
        Checkin.PainTypesOptionSoreness,
        Checkin.PainTypesOptionSharp,
        Checkin.PainTypesOptionRadiating,
        Checkin.PainTypesOptionNumbness,
        Checkin.PainTypesOptionBurning,
        Checkin.PainTypesOptionDone,
        Checkin.PainTypesOptionNone,
        Checkin.PainTypesAskMore,
        Checkin.AskBelowKnee,
        Checkin.AskSessionPain,
        Checkin.AskSettledNextMorning,
        Checkin.AskSessionsDone,
        Checkin.AskTrend,
        Checkin.TrendOptionBetter,
        Checkin.TrendOptionSame,
        Checkin.TrendOptionWorse,
        Checkin.AskAnythingElse,
        Checkin.OptionNothingElse,
        Checkin.Noted,
        Checkin.Thanks,
        Checkin.Reminder,
        Redflag.Intro,
        Redflag.AskBladderBowel,
        Redflag.AskSaddleNumbness,
        Redflag.AskLegWeakness,
        Redflag.AskFever,
        Redflag.AskFallOrAccident,
        Redflag.AskWeightLoss,
        Redflag.AskCancerHistory,
        Redflag.AskNightPain,
        Redflag.AllClear,
        Common.OptionYes,
        Common.OptionNo,
        Common.OptionNotSure,
        Common.OptionSkip,
        Common.Cancelled,
        Retry.PainScore,
        Retry.YesNo,
        Retry.YesNoNotSure,
        Retry.Choice,
        Retry.MultiChoice,
        Retry.Sessions,
        Retry.Age,
        Retry.Weeks,
        Retry.Name,
        Retry.Days,
        Retry.Time,
        Retry.TimeZone,
        Retry.Exercise,
        Retry.TooLong,
        Retry.GivingUp,
        Decision.Progress,
        Decision.Hold,
        Decision.Pause,
        Decision.HoldReduce,
        Decision.CoachProgress,
        Decision.CoachHold,
        Decision.CoachPause,
        Token.SeekEmergencyCare,
        Token.SeeADoctorToday,
        Token.CrisisLine,
        Token.CoachWillContactYou,
        Token.CoachWillContactYouNamed,
        Token.CoachWillContactYouToday,
        Token.CoachWillContactYouTodayNamed,
        Token.StopTheExercise,
        Token.ReduceTheLoad,
        Token.KeepMovingGently,
        Token.FlareUpPlan,
        Token.ConfirmFlareUpStatus,
        Token.CheckWithYourSurgeon,
        Token.Train23TimesAWeek,
        Token.IncreaseTheLoadSlightly,
        Token.SorenessIsNormal,
        Prescription.Intro,
        Prescription.Item,
        Prescription.ItemNoWeight,
        Prescription.SameAsLast,
        Prescription.Paused,
        Prescription.RestDays,
        Lesson.Offer,
        Lesson.OptionRead,
        Lesson.OptionLater,
        Lesson.LaterOk,
        Lesson.MenuIntro,
        Lesson.MenuItem,
        Lesson.NotFound,
        Lesson.After,
        Lesson.NoneLeft,
        Safety.Emergency,
        Safety.RedFlagEmergency,
        Safety.AorticEmergency,
        Safety.UrgentSeeDoctorToday,
        Safety.Crisis,
        Safety.CrisisImminent,
        Safety.CrisisLineItem,
        Safety.CrisisLineItemText,
        Safety.CrisisLineNone,
        Safety.Distress,
        Safety.AskNumbness,
        Safety.AskBladder,
        Safety.AskWeakness,
        Safety.AskThanks,
        Safety.TrainingStopped,
        Safety.AfterAlert,
        Safety.Netting,
        Safety.NettingReminder,
        Safety.NettingShort,
        Flareup.Plan,
        Flareup.AskIsOver,
        Flareup.OptionOver,
        Flareup.OptionNotOver,
        Flareup.StillOn,
        Flareup.Lasting,
        Flareup.Second,
        Flareup.Over,
        Ladder.Intro,
        Ladder.Step1,
        Ladder.Step2,
        Ladder.Step3,
        Ladder.Stay,
        Ladder.Drop,
        Ladder.LongBreak,
        Ladder.NotReady,
        Coach.RequestAck,
        Coach.AskMessage,
        Coach.Joined,
        Coach.HandedBack,
        Coach.WhileWaiting,
        Coach.JoinedUnnamed,
        Coach.HandedBackUnnamed,
        Progress.Intro,
        Progress.PainTrendBetter,
        Progress.PainTrendSame,
        Progress.PainTrendWorse,
        Progress.PainTrendUnknown,
        Progress.PainChange,
        Progress.PainStayed,
        Progress.PainSingle,
        Progress.Summary,
        Progress.CheckinsOne,
        Progress.CheckinsMany,
        Progress.SteppedUpOne,
        Progress.SteppedUpMany,
        Progress.HeldSteadyOne,
        Progress.HeldSteadyMany,
        Progress.TookABreakOne,
        Progress.TookABreakMany,
        Progress.RecentItem,
        Progress.DecisionNameProgress,
        Progress.DecisionNameHold,
        Progress.DecisionNamePause,
        Progress.None,
        Help.Menu,
        Help.EmergencyReminder,
        StopCheckins.Confirm,
        StopCheckins.OptionPause,
        StopCheckins.OptionKeep,
        StopCheckins.Done,
        StopCheckins.Kept,
        StopCheckins.Restarted,
        Reminder.AfterSilence,
        Reminder.AskWhen,
        Reminder.OptionOneHour,
        Reminder.OptionTwoHours,
        Reminder.OptionThisEvening,
        Reminder.OptionTonight,
        Reminder.OptionTomorrow,
        Reminder.Confirmed,
        Reminder.WhenOneHour,
        Reminder.WhenHours,
        Reminder.WhenThisEvening,
        Reminder.WhenTomorrow,
        Errors.Internal,
        Fallback.NotUnderstood,
        Fallback.NotUnderstoodInDialog,
        Screening.Intro,
        Screening.OptionSurgery,
        Screening.OptionInjection,
        Screening.AskPregnancy,
        Screening.AskBones,
        Screening.AskSpineCondition,
        Screening.AskGeneralHealth,
        Screening.AskNewPain,
        Screening.AllClear,
        Screening.HoldIntro,
        Screening.ReasonSurgery,
        Screening.ReasonInjection,
        Screening.ReasonSpineCondition,
        Screening.ReasonGeneralHealth,
        Screening.ReasonPregnancy,
        Screening.ReasonBones,
        Screening.ReasonPastCancer,
        Screening.ReasonAge,
        Screening.ReasonRedFlag,
        Screening.HoldNext,
        Screening.Urgent,
        Training.AskEquipment,
        Training.EquipmentOptionNone,
        Training.EquipmentOptionBands,
        Training.EquipmentOptionDumbbells,
        Training.EquipmentOptionKettlebell,
        Training.EquipmentOptionBarbell,
        Training.EquipmentOptionGym,
        Training.AskExperience,
        Training.ExperienceOptionNone,
        Training.ExperienceOptionLessThanAYear,
        Training.ExperienceOptionAYearOrMore,
        Training.AskOwnOrPlan,
        Training.OptionOwn,
        Training.OptionPlan,
        Training.StarterIntroBodyweight,
        Training.WarmUp,
        Training.OtherDays,
        Training.HowToHint,
        Training.PlanOnHold,
        Exercise.LabelBoxSquat,
        Exercise.LabelHipHingeStick,
        Exercise.LabelSingleLegGluteBridge,
        Exercise.LabelSupportedSplitSquat,
        Exercise.LabelDeadBug,
        Exercise.LabelSidePlankKnees,
        Exercise.LabelSidePlank,
        Exercise.LabelBandRow,
        Exercise.LabelBarbellDeadlift,
        Exercise.LabelBarbellBackSquat,
        Clearance.ReleasedCoach,
        Clearance.ReleasedDoctor,
        Clearance.NotNeeded,
        Clearance.StillWaiting,
        Change.MarkMoreWeight,
        Change.MarkMoreReps,
        Change.MarkMoreSets,
        Change.MarkHarder,
        Change.MarkLighter,
        Change.MarkEasier,
        Change.MoreWeight,
        Change.MoreReps,
        Change.Harder,
        Change.NotYet,
        Howto.AskWhich,
        Howto.NotFound,
        Howto.LabelSetup,
        Howto.LabelCues,
        Howto.LabelMistake,
        Howto.LabelEasier,
        Howto.LabelHarder,
        Howto.ImageAlt,
        Howto.LabelVideo,
        Flareup.Cycle,
        Flareup.Passive,
        Flareup.AskNow,
        Flareup.Recorded,
        Flareup.NotNow,
        Change.MarkMoreRepsFew,
        Change.MoreRepsFew,
        Card.CheckinTitle,
        Card.CheckinIntro,
        Card.CheckinLabelPainNow,
        Card.CheckinLabelPainTypes,
        Card.CheckinLabelSessionPain,
        Card.CheckinRedFlagsTitle,
        Card.CheckinLabelAnythingElse,
        Card.CheckinHintAnythingElse,
        Card.CheckinSend,
        Card.ErrorChoose,
        Card.ErrorPainNow,
        Card.ErrorSessionPain,
        Card.ErrorSessions,
        Card.ErrorFlare,
        Card.ErrorBelowKnee,
        Card.ErrorSettled,
        Card.ErrorTrend,
        Card.ErrorRedFlags,
        Card.FixIntro,
        Card.RedFlagsNeeded,
        Card.TypedInstead,
        Card.AlreadyAnswered,
        Card.OutOfDate,
        Card.DecisionTitle,
        Card.DecisionWhy,
        Card.TableExercise,
        Card.TableSets,
        Card.TableReps,
        Card.TableLoad,
        Card.TableBodyWeight,
        Card.ReasonProgress,
        Card.ReasonNotSteadyYet,
        Card.ReasonFewSessions,
        Card.ReasonPainHigh,
        Card.ReasonFlareUp,
        Card.ReasonNotSettled,
        Card.ReasonWorse,
        Card.ReasonSessionPainHigh,
        Card.ReasonPainMedium,
        Card.ReasonSessionPainMedium,
        Card.ReasonUnknowns,
        Card.ReasonFlareUpLowPain,
        Card.ReasonSurgery,
        Card.ReasonLegPain,
        Card.ReasonSharp,
        Card.ReasonBurning,
        Card.ReasonNightPain,
        Card.ReasonHardTime,
        Progress.ChartAlt,
        Progress.ChartSentence,
        Card.AboutTitle,
        Card.AboutAge,
        Card.AboutFunctionScore,
        Card.HealthTitle,
        Card.HealthSurgeryWeeks,
        Card.StartbackTitle,
        Card.TrainingTitle,
        Card.TrainingOwnExercises,
        Card.ScheduleTitle,
        Card.ScheduleDays,
        Card.Next,
        Card.WelcomeHowLong,
        Card.ErrorName,
        Card.ErrorAge,
        Card.ErrorBasePain,
        Card.ErrorScore,
        Card.ErrorSurgeryWeeks,
        Card.ErrorAnswerAll,
        Card.ErrorExercises,
        Card.ErrorDays,
        Card.ErrorTime,
        Card.ErrorTimeZone,
        Change.Easier,
        Training.StarterIntroExperienced,
        Redflag.AskFallOrAccidentOnboarding,
        Redflag.AskAnyNerveSigns,
        Redflag.AskAnyOther,
        Redflag.AskAnyOtherNoCancer,
        Screening.AskAny,
        Screening.OneByOne,
    ];
}
