namespace CoachBot.Dialogs.Onboarding;

/// <summary>Onboarding's persisted state (answers are staged into the patient record as they come).</summary>
internal sealed class OnboardingState
{
    public string? Activity { get; set; }
}
