using System.Text.Json;
using CoachBot.Dialogs.Cards;

namespace CoachBot.Dialogs.Onboarding;

/// <summary>Where the card onboarding is: the card on screen, its instance, the age (the health card needs it), and what was entered.</summary>
internal sealed class OnboardingCardState
{
    public string Stage { get; set; } = CardIds.Welcome;

    public string Instance { get; set; } = string.Empty;

    public int? Age { get; set; }

    public JsonElement? Values { get; set; }

    /// <summary>True once the goals were asked and kept in words (the training questions follow).</summary>
    public bool GoalsKept { get; set; }
}
