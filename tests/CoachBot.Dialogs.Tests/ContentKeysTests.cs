using CoachBot.Content;
using CoachBot.Dialogs.Tests.Support;

namespace CoachBot.Dialogs.Tests;

/// <summary>Every message key the dialogs use exists, and start-up refuses content that lacks one.</summary>
public sealed class ContentKeysTests
{
    [Fact]
    public void RequiredMessageKeys_AllExistInTheShippedCatalog()
    {
        var catalog = ContentCatalog.Load(TestContent.Root);
        Assert.Empty(catalog.FindProblems(DialogsServiceCollectionExtensions.RequiredMessageKeys));
        Assert.Contains("checkin.ask_pain_now", DialogsServiceCollectionExtensions.RequiredMessageKeys);
        Assert.Contains("token.seek_emergency_care", DialogsServiceCollectionExtensions.RequiredMessageKeys);
    }

    [Fact]
    public void Validate_CatalogMissingADialogKey_ThrowsNamingTheKey()
    {
        var catalog = ContentCatalog.Parse("{\"welcome.hello\": \"Hi.\"}");
        var error = Assert.Throws<ContentException>(() => catalog.Validate(DialogsServiceCollectionExtensions.RequiredMessageKeys));
        Assert.Contains("checkin.ask_pain_now", error.Message + string.Join(" ", error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void DialogIds_AreStable()
    {
        Assert.Equal(
            ["coachbot.main.v1", "coachbot.onboarding.v2", "coachbot.startback.v1", "coachbot.training.v2", "coachbot.schedule.v1", "coachbot.checkin.v1", "coachbot.redflags.v1", "coachbot.lesson.v1", "coachbot.coach.v1", "coachbot.stop.v1", "coachbot.paintypes.v1", "coachbot.remindlater.v1", "coachbot.screening.v1", "coachbot.flareplan.v1", "coachbot.checkin.card.v1", "coachbot.onboarding.cards.v1"],
            DialogIds.All);
    }
}
