using CoachBot.Coaching.CheckIns;

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

    /// <summary>A yes (or not sure) to the list of health questions: each is then asked in turn.</summary>
    public bool AnyHealth { get; set; }

    /// <summary>The red flags said yes to so far.</summary>
    public List<RedFlag> Flags { get; set; } = [];

    /// <summary>True when the second list of red flags asked about past cancer (not known before).</summary>
    public bool AskedCancer { get; set; }
}
