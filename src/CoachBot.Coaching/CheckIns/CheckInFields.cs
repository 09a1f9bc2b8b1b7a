namespace CoachBot.Coaching.CheckIns;

/// <summary>The JSON field names of the input contract (clinical rules 1.1).</summary>
public static class CheckInFields
{
    public const string PainNow = "painNow";
    public const string PainDuringLastSession = "painDuringLastSession";
    public const string PainNextMorningSettled = "painNextMorningSettled";
    public const string PainTrendVsLastWeek = "painTrendVsLastWeek";
    public const string PainTypes = "painTypes";
    public const string RadiatesBelowKnee = "radiatesBelowKnee";
    public const string RedFlags = "redFlags";
    public const string DistressText = "distressText";
    public const string SessionsCompletedLast2Weeks = "sessionsCompletedLast2Weeks";
    public const string ConsecutiveStableCheckIns = "consecutiveStableCheckIns";
    public const string InFlareUp = "inFlareUp";
    public const string RecentSurgeryWeeks = "recentSurgeryWeeks";
    public const string SurgeryCleared = "surgeryCleared";

    /// <summary>Fields that must be present and not null.</summary>
    public static IReadOnlyList<string> Required { get; } =
        [PainNow, PainTypes, RadiatesBelowKnee, RedFlags, SessionsCompletedLast2Weeks, ConsecutiveStableCheckIns, InFlareUp];

    /// <summary>Fields that may be absent or null (null means "not known").</summary>
    public static IReadOnlyList<string> Optional { get; } =
        [PainDuringLastSession, PainNextMorningSettled, PainTrendVsLastWeek, DistressText, RecentSurgeryWeeks, SurgeryCleared];
}
