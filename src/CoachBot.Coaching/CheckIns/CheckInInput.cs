namespace CoachBot.Coaching.CheckIns;

/// <summary>
/// One check-in, in exactly the fields of the input contract (clinical rules 1.1).
/// JSON names are the camelCase property names (<c>painNow</c>, <c>redFlags</c>, ...).
/// </summary>
/// <remarks>
/// Required on the wire (not nullable in 1.1): <c>painNow</c>, <c>painTypes</c>, <c>radiatesBelowKnee</c>,
/// <c>redFlags</c>, <c>sessionsCompletedLast2Weeks</c>, <c>consecutiveStableCheckIns</c>, <c>inFlareUp</c>.
/// Optional (may be null or absent; null means "not known"): <c>painDuringLastSession</c>,
/// <c>painNextMorningSettled</c>, <c>painTrendVsLastWeek</c>, <c>distressText</c>, <c>recentSurgeryWeeks</c>,
/// <c>surgeryCleared</c> (absent means false).
/// The C# defaults describe a calm, pain-free check-in with no history; they exist for convenience only.
/// </remarks>
public sealed record CheckInInput
{
    /// <summary>Pain right now, 0–10.</summary>
    public int PainNow { get; init; }

    /// <summary>Worst pain during the last session, 0–10, or null when unknown.</summary>
    public int? PainDuringLastSession { get; init; }

    /// <summary>Whether pain settled by the next morning, or null when unknown.</summary>
    public bool? PainNextMorningSettled { get; init; }

    /// <summary>Trend against last week, or null when unknown.</summary>
    public PainTrend? PainTrendVsLastWeek { get; init; }

    /// <summary>The kinds of pain reported (a set; may be empty).</summary>
    public IReadOnlySet<PainType> PainTypes { get; init; } = new HashSet<PainType>();

    /// <summary>Whether pain spreads below the knee.</summary>
    public bool RadiatesBelowKnee { get; init; }

    /// <summary>Red flags reported (a set; may be empty or hold only <see cref="RedFlag.None"/>).</summary>
    public IReadOnlySet<RedFlag> RedFlags { get; init; } = new HashSet<RedFlag>();

    /// <summary>Free text from the patient, screened for self-harm, distress and red flags; null when none.</summary>
    public string? DistressText { get; init; }

    /// <summary>Training sessions completed in the last 14 days (0 or more).</summary>
    public int SessionsCompletedLast2Weeks { get; init; }

    /// <summary>Previous check-ins in a row that met every pain-monitoring rule (0 or more; the current one does not count).</summary>
    public int ConsecutiveStableCheckIns { get; init; }

    /// <summary>Whether the patient says they are in a flare-up.</summary>
    public bool InFlareUp { get; init; }

    /// <summary>Weeks since spinal surgery (0 or more), or null when there was none.</summary>
    public int? RecentSurgeryWeeks { get; init; }

    /// <summary>
    /// Whether a clearance to train after the surgery is recorded (a coach's, or the patient's report that their doctor
    /// agreed; clinical rules 9.1). It lifts SX-1's pause; SX-2's hold then applies until week 12.
    /// </summary>
    public bool SurgeryCleared { get; init; }

    /// <summary>
    /// Checks the value ranges of 1.1 and throws <see cref="CheckInFormatException"/> naming the first bad field.
    /// The JSON reader already guarantees this; call it for inputs built in code.
    /// </summary>
    public void EnsureValid()
    {
        var error = CheckInRanges.FirstError(this);
        if (error is not null)
        {
            throw new CheckInFormatException([error]);
        }
    }
}
