namespace CoachBot.Coaching.CheckIns;

/// <summary>The value ranges of the input contract (1.1), shared by the JSON reader and code-built inputs.</summary>
internal static class CheckInRanges
{
    public const int PainMin = 0;
    public const int PainMax = 10;

    /// <summary>The largest count accepted for the history fields; anything above is a data error.</summary>
    public const int CountMax = 1000;

    public static CheckInError? FirstError(CheckInInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Pain("painNow", input.PainNow)
            ?? (input.PainDuringLastSession is int session ? Pain("painDuringLastSession", session) : null)
            ?? Count("sessionsCompletedLast2Weeks", input.SessionsCompletedLast2Weeks)
            ?? Count("consecutiveStableCheckIns", input.ConsecutiveStableCheckIns)
            ?? (input.RecentSurgeryWeeks is int weeks ? Count("recentSurgeryWeeks", weeks) : null)
            ?? (input.PainTypes is null ? new CheckInError("painTypes", "painTypes: must not be null.") : null)
            ?? (input.RedFlags is null ? new CheckInError("redFlags", "redFlags: must not be null.") : null);
    }

    public static CheckInError? Pain(string field, long value) =>
        value is < PainMin or > PainMax
            ? new CheckInError(field, $"{field}: must be an integer from {PainMin} to {PainMax}, got {value}.")
            : null;

    public static CheckInError? Count(string field, long value) =>
        value is < 0 or > CountMax
            ? new CheckInError(field, $"{field}: must be an integer from 0 to {CountMax}, got {value}.")
            : null;
}
