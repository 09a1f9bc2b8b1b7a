namespace CoachBot.Coaching.Safety;

/// <summary>
/// The mental-health class of a message (clinical rules 3.2). Members are ordered by severity, so a larger value
/// is always the more serious one.
/// </summary>
public enum SelfHarmClass
{
    /// <summary>No self-harm or distress language.</summary>
    None = 0,

    /// <summary>General distress words without self-harm content (DS-3: hold, routine).</summary>
    Distress = 1,

    /// <summary>Any self-harm or suicide language, negated or not (DS-2: pause, urgent).</summary>
    SelfHarm = 2,

    /// <summary>Self-harm language plus a sign that harm is close: time, plan, means, act done, goodbye (DS-1: emergency).</summary>
    Imminent = 3,
}
