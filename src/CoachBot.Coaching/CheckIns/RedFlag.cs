namespace CoachBot.Coaching.CheckIns;

/// <summary>A red flag for serious pathology (clinical rules 1.1 and 2). Wire values are snake_case.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Clinical term: a red flag, not a [Flags] enum.")]
public enum RedFlag
{
    /// <summary>Wire value <c>none</c>: the patient reports no red flag. Ignored when real flags are present.</summary>
    None,

    /// <summary>Wire value <c>bladder_bowel</c>: new bladder or bowel trouble (RF-1).</summary>
    BladderBowel,

    /// <summary>Wire value <c>saddle_numbness</c>: numbness around the anus, genitals or inner buttocks (RF-1).</summary>
    SaddleNumbness,

    /// <summary>Wire value <c>progressive_weakness</c>: leg weakness that is getting worse (RF-1).</summary>
    ProgressiveWeakness,

    /// <summary>Wire value <c>fever</c>: possible spinal infection (RF-2).</summary>
    Fever,

    /// <summary>Wire value <c>unexplained_weight_loss</c>: possible malignancy (RF-4).</summary>
    UnexplainedWeightLoss,

    /// <summary>Wire value <c>cancer_history</c>: possible malignancy (RF-4).</summary>
    CancerHistory,

    /// <summary>Wire value <c>recent_trauma</c>: possible fracture (RF-3).</summary>
    RecentTrauma,

    /// <summary>Wire value <c>night_pain</c>: pain that wakes the patient (RF-5 when alone).</summary>
    NightPain,
}
