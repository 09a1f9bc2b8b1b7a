namespace CoachBot.Coaching.CheckIns;

/// <summary>A kind of pain the patient reports (clinical rules 1.1 and 6). Wire values are the lowercase names.</summary>
public enum PainType
{
    /// <summary>Dull ache: numbers decide.</summary>
    Ache,

    /// <summary>Stiffness: numbers decide.</summary>
    Stiffness,

    /// <summary>Delayed-onset muscle soreness: normal adaptation (SO-1).</summary>
    Soreness,

    /// <summary>Sharp or stabbing pain: stop the exercise (NP-3).</summary>
    Sharp,

    /// <summary>Pain spreading away from the back (NP-5 when it stays above the knee).</summary>
    Radiating,

    /// <summary>Numbness or pins and needles: radicular pattern (NP-1 / NP-2).</summary>
    Numbness,

    /// <summary>Burning pain: possible nerve sensitivity (NP-4).</summary>
    Burning,
}
