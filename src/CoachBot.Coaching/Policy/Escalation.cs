namespace CoachBot.Coaching.Policy;

/// <summary>
/// Who must act, and how fast (clinical rules 0.2). Members are ordered from lowest to highest.
/// Wire values: none, routine, urgent, emergency.
/// </summary>
public enum Escalation
{
    /// <summary>The bot coaches as normal.</summary>
    None = 0,

    /// <summary>A human coach or clinician reviews within 2 working days.</summary>
    Routine = 1,

    /// <summary>A clinician contacts the patient the same day; the bot sends no training content.</summary>
    Urgent = 2,

    /// <summary>The patient must go to emergency services now; a human is alerted at once.</summary>
    Emergency = 3,
}
