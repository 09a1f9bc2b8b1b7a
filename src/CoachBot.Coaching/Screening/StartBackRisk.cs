namespace CoachBot.Coaching.Screening;

/// <summary>STarT Back risk group (clinical rules 10.1).</summary>
public enum StartBackRisk
{
    /// <summary>Total 3 or less: light-touch coaching.</summary>
    Low,

    /// <summary>Total 4 or more and psychosocial subscale 3 or less: standard programme.</summary>
    Medium,

    /// <summary>Psychosocial subscale 4 or more: routine human escalation at onboarding.</summary>
    High,
}
