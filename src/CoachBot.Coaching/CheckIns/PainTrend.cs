namespace CoachBot.Coaching.CheckIns;

/// <summary>How pain compares with last week (clinical rules 1.1 and 5). Wire values: better, same, worse.</summary>
public enum PainTrend
{
    /// <summary>Weekly mean pain fell by at least 2 points or 30%.</summary>
    Better,

    /// <summary>Neither better nor worse.</summary>
    Same,

    /// <summary>Weekly mean pain rose by at least 1 point, or the patient says it is worse.</summary>
    Worse,
}
