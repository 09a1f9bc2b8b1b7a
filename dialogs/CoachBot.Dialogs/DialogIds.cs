namespace CoachBot.Dialogs;

/// <summary>
/// Every dialog id, with its version. Ids are persisted in conversation state: never rename one without bumping
/// its version (a changed version restarts in-flight conversations gracefully instead of resuming them wrongly).
/// </summary>
public static class DialogIds
{
    /// <summary>The root router.</summary>
    public const string Main = "coachbot.main.v1";

    /// <summary>Welcome and onboarding.</summary>
    public const string Onboarding = "coachbot.onboarding.v2";

    /// <summary>The nine STarT Back questions.</summary>
    public const string StartBack = "coachbot.startback.v1";

    /// <summary>Current training or the starter program.</summary>
    public const string Training = "coachbot.training.v2";

    /// <summary>The check-in schedule.</summary>
    public const string Schedule = "coachbot.schedule.v1";

    /// <summary>The check-in.</summary>
    public const string CheckIn = "coachbot.checkin.v1";

    /// <summary>The check-in as one Adaptive Card (channels that render cards).</summary>
    public const string CheckInCard = "coachbot.checkin.card.v1";

    /// <summary>Welcome and onboarding as a few Adaptive Cards (channels that render cards).</summary>
    public const string OnboardingCards = "coachbot.onboarding.cards.v1";

    /// <summary>The short red-flag screen inside a check-in.</summary>
    public const string RedFlagScreen = "coachbot.redflags.v1";

    /// <summary>The pain types of a check-in (several, one tap at a time or a typed list).</summary>
    public const string PainTypes = "coachbot.paintypes.v1";

    /// <summary>"Remind me later".</summary>
    public const string RemindLater = "coachbot.remindlater.v1";

    /// <summary>Pain-science lessons.</summary>
    public const string Lesson = "coachbot.lesson.v1";

    /// <summary>"Talk to a coach".</summary>
    public const string TalkToCoach = "coachbot.coach.v1";

    /// <summary>"Stop": pause check-ins.</summary>
    public const string StopCheckIns = "coachbot.stop.v1";

    /// <summary>The pre-exercise screening before the first plan.</summary>
    public const string Screening = "coachbot.screening.v1";

    /// <summary>The flare-up plan from the menu (and whether a flare-up is on now).</summary>
    public const string FlareUpPlan = "coachbot.flareplan.v1";

    /// <summary>Prompt ids (shared by the dialogs that use them).</summary>
    public static class Prompts
    {
        /// <summary>A 0-10 score (or "not sure").</summary>
        public const string Score = "prompt.score";

        /// <summary>A 0-10 score, or "not sure".</summary>
        public const string ScoreOrNotSure = "prompt.score_or_not_sure";

        /// <summary>A whole number of sessions.</summary>
        public const string Count = "prompt.count";

        /// <summary>Yes or no.</summary>
        public const string Confirm = "prompt.confirm";

        /// <summary>One choice.</summary>
        public const string Choice = "prompt.choice";

        /// <summary>Several choices.</summary>
        public const string MultiChoice = "prompt.multichoice";

        /// <summary>Free text.</summary>
        public const string Text = "prompt.text";

        /// <summary>Week days.</summary>
        public const string Days = "prompt.days";

        /// <summary>A time of day.</summary>
        public const string Time = "prompt.time";

        /// <summary>A time zone.</summary>
        public const string TimeZone = "prompt.time_zone";

        /// <summary>An age in years.</summary>
        public const string Age = "prompt.age";

        /// <summary>Weeks since back surgery (0-13).</summary>
        public const string Weeks = "prompt.weeks";

        /// <summary>A lesson number from the menu.</summary>
        public const string LessonNumber = "prompt.lesson_number";
    }

    /// <summary>Every dialog id (for the test that fails when one changes).</summary>
    public static IReadOnlyList<string> All { get; } = [Main, Onboarding, StartBack, Training, Schedule, CheckIn, RedFlagScreen, Lesson, TalkToCoach, StopCheckIns, PainTypes, RemindLater, Screening, FlareUpPlan, CheckInCard, OnboardingCards];
}
