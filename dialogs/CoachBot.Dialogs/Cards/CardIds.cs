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
    public const int WelcomeVersion = 1;
}
