namespace CoachBot.Dialogs.Onboarding;

/// <summary>The pre-exercise screening answers so far.</summary>
internal sealed class ScreeningState
{
    public int? Age { get; set; }

    public int? SurgeryWeeksAgo { get; set; }

    public bool Surgery { get; set; }

    public bool SpinalInjection { get; set; }

    public bool Pregnancy { get; set; }

    public bool Bones { get; set; }

    public bool SpineCondition { get; set; }

    public bool GeneralHealth { get; set; }

    public bool? NewOrDifferentPain { get; set; }
}
