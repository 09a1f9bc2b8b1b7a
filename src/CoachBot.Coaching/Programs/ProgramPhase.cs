namespace CoachBot.Coaching.Programs;

/// <summary>Where a patient's program is (clinical rules 7.3 and 8).</summary>
public enum ProgramPhase
{
    /// <summary>Training at the working loads; progression allowed when the policy says progress.</summary>
    Normal,

    /// <summary>The session after session pain of 6 or more (PM-6): working loads cut by about 15% or one set fewer, then rebuilt.</summary>
    Deload,

    /// <summary>Loaded strength sessions stopped; gentle activity only. Restart goes through the return ladder.</summary>
    Paused,

    /// <summary>Returning after a pause: step 1 = 50%, step 2 = 75%, step 3 = 100% of the working load (section 7.3).</summary>
    ReturnLadder,
}
