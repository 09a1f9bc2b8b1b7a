namespace CoachBot.Coaching.Policy;

/// <summary>
/// What the training plan does after a check-in (clinical rules 0.1). Members are ordered from least to most
/// conservative, so a larger value is always the safer one. Wire values: progress, hold, pause.
/// </summary>
public enum Decision
{
    /// <summary>
    /// The next session may add a small amount of load (section 8). Only rule PR-1 produces it, and only when no
    /// other rule set a decision (the progression gate of section 1.4 is met).
    /// </summary>
    Progress = 0,

    /// <summary>
    /// No increase: repeat the current load, or reduce it when the decision also carries
    /// <c>reduce the load</c>.
    /// </summary>
    Hold = 1,

    /// <summary>
    /// Stop loaded strength sessions for now and keep gently active, unless an emergency applies. Training restarts
    /// through the return ladder (section 7.3).
    /// </summary>
    Pause = 2,
}
