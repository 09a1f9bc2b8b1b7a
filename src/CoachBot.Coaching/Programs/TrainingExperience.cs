namespace CoachBot.Coaching.Programs;

/// <summary>How long a patient has done strength training (asked at onboarding).</summary>
public enum TrainingExperience
{
    /// <summary>Not at all, or not now: a bodyweight start.</summary>
    None,

    /// <summary>Less than a year: free weights or bands when they have them, at light loads.</summary>
    LessThanAYear,

    /// <summary>A year or more (a good record): loaded lifts, barbell lifts when they have a barbell and rack.</summary>
    AYearOrMore,
}
