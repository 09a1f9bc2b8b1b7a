namespace CoachBot.Dialogs.Cards;

/// <summary>
/// The id and version of each patient card. Bump a version when a card's inputs change meaning: a card of an older
/// version that is submitted after a deploy gets "that card is out of date" and the current card.
/// </summary>
internal static class CardIds
{
    public const string CheckIn = "checkin";
    public const int CheckInVersion = 1;

    public const string LessonOffer = "lesson-offer";
    public const int LessonOfferVersion = 1;

    public const string Welcome = "welcome";
    public const string About = "onboarding-about";
    public const string Health = "onboarding-health";
    public const string StartBack = "onboarding-startback";
    public const string Training = "onboarding-training";
    public const string Schedule = "onboarding-schedule";

    /// <summary>The version of the onboarding cards.</summary>
    public const int OnboardingVersion = 1;

    /// <summary>The current version of a card (-1 for a card id this version does not know).</summary>
    public static int VersionOf(string cardId) => cardId switch
    {
        CheckIn => CheckInVersion,
        LessonOffer => LessonOfferVersion,
        Welcome or About or Health or StartBack or Training or Schedule => OnboardingVersion,
        _ => -1,
    };

    /// <summary>The dialog that waits for a card.</summary>
    public static string DialogOf(string cardId) => cardId == CheckIn ? DialogIds.CheckInCard : DialogIds.OnboardingCards;
}
