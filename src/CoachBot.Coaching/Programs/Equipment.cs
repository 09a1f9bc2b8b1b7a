namespace CoachBot.Coaching.Programs;

/// <summary>What a patient can train with (asked at onboarding). A gym has everything.</summary>
[Flags]
public enum Equipment
{
    /// <summary>Nothing: bodyweight only.</summary>
    None = 0,

    /// <summary>Resistance bands.</summary>
    Bands = 1,

    /// <summary>Dumbbells.</summary>
    Dumbbells = 2,

    /// <summary>A kettlebell.</summary>
    Kettlebell = 4,

    /// <summary>A barbell, plates and a rack.</summary>
    BarbellAndRack = 8,

    /// <summary>A gym: all of the above.</summary>
    Gym = Bands | Dumbbells | Kettlebell | BarbellAndRack,
}
