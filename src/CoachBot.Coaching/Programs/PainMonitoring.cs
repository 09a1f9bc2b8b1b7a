using CoachBot.Coaching.CheckIns;

namespace CoachBot.Coaching.Programs;

/// <summary>The pain-monitoring model of clinical rules section 4, as used for stability and the return ladder.</summary>
public static class PainMonitoring
{
    /// <summary>The highest acceptable session pain.</summary>
    public const int SessionPainCeiling = 5;

    /// <summary>
    /// True when every pain-monitoring rule was met: session pain at most 5, settled by the next morning, and not
    /// worse than last week. Unknown values count as not met (the cautious reading).
    /// </summary>
    public static bool IsMet(CheckInInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.PainDuringLastSession is int session && session <= SessionPainCeiling
            && input.PainNextMorningSettled == true
            && input.PainTrendVsLastWeek is PainTrend.Same or PainTrend.Better;
    }
}
