namespace CoachBot.Dialogs.Onboarding;

/// <summary>STarT Back answers so far (items 1-8: true = agree).</summary>
internal sealed class StartBackState
{
    public List<bool> Agree { get; set; } = [];
}
