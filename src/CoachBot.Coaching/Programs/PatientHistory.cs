using CoachBot.Coaching.CheckIns;

namespace CoachBot.Coaching.Programs;

/// <summary>Derives the history fields of the input contract from a patient's program (clinical rules 1.1 and 5).</summary>
public static class PatientHistory
{
    /// <summary>
    /// Days of history kept before the newest check-in or session: the 14 days that the trend and the sessions count
    /// look back over, and one more for a patient whose calendar day steps back (a change of time zone).
    /// </summary>
    public const int KeptDays = 15;

    /// <summary>Check-ins kept before each cut-off that a rule reads (the return-ladder baseline reads 4).</summary>
    public const int KeptBeforeCutOff = 4;

    /// <summary>Previous check-ins in a row, newest backwards, that met every pain-monitoring rule.</summary>
    public static int ConsecutiveStableCheckIns(PatientProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        if (program.StableRun is int run)
        {
            return run;
        }

        var count = 0;
        for (var i = program.CheckIns.Count - 1; i >= 0 && PainMonitoring.IsMet(program.CheckIns[i].Input); i--)
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// The check-ins that a rule can still read, oldest first; the others are dropped so that a patient's program
    /// stays the same size however long they train. Kept: every check-in within <see cref="KeptDays"/> of the newest
    /// (the weekly pain trend and the last check-in), and the last <see cref="KeptBeforeCutOff"/> before the newest
    /// day (the previous day's settling, and the baseline when a pause starts today) and before
    /// <paramref name="pausedSince"/> (the return-ladder baseline). The stable run is counted in
    /// <see cref="PatientProgram.StableRun"/>.
    /// </summary>
    public static IReadOnlyList<CheckInRecord> Retain(IReadOnlyList<CheckInRecord> checkIns, DateOnly? pausedSince)
    {
        ArgumentNullException.ThrowIfNull(checkIns);
        if (checkIns.Count <= KeptBeforeCutOff)
        {
            return checkIns;
        }

        var newest = checkIns[0].Date;
        foreach (var checkIn in checkIns)
        {
            newest = checkIn.Date > newest ? checkIn.Date : newest;
        }

        var keep = new bool[checkIns.Count];
        KeepLastBefore(checkIns, keep, newest);
        if (pausedSince is DateOnly since)
        {
            KeepLastBefore(checkIns, keep, since);
        }

        var from = newest.AddDays(-KeptDays);
        var kept = new List<CheckInRecord>(checkIns.Count);
        for (var i = 0; i < checkIns.Count; i++)
        {
            if (keep[i] || checkIns[i].Date >= from)
            {
                kept.Add(checkIns[i]);
            }
        }

        return kept.Count == checkIns.Count ? checkIns : kept;
    }

    /// <summary>The session days within <see cref="KeptDays"/> of the newest, oldest first (the 14-day count reads no further back).</summary>
    public static IReadOnlyList<DateOnly> RetainSessions(IReadOnlyList<DateOnly> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        if (sessions.Count == 0)
        {
            return sessions;
        }

        var from = sessions.Max().AddDays(-KeptDays);
        return sessions.All(d => d >= from) ? sessions : [.. sessions.Where(d => d >= from)];
    }

    private static void KeepLastBefore(IReadOnlyList<CheckInRecord> checkIns, bool[] keep, DateOnly before)
    {
        var found = 0;
        for (var i = checkIns.Count - 1; i >= 0 && found < KeptBeforeCutOff; i--)
        {
            if (checkIns[i].Date < before)
            {
                keep[i] = true;
                found++;
            }
        }
    }

    /// <summary>Sessions completed in the 14 days ending on <paramref name="today"/> (today included).</summary>
    public static int SessionsCompletedLast2Weeks(PatientProgram program, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(program);
        var from = today.AddDays(-13);
        return program.Sessions.Count(d => d >= from && d <= today);
    }

    /// <summary>
    /// Trend from weekly mean NPRS: this week = the 7 days ending today (including <paramref name="painNow"/>), last
    /// week = the 7 days before. Better = a fall of at least 2 points or 30%; worse = a rise of at least 1 point;
    /// else same. Null when last week has no check-ins.
    /// </summary>
    public static PainTrend? TrendVsLastWeek(PatientProgram program, DateOnly today, int painNow)
    {
        ArgumentNullException.ThrowIfNull(program);
        var thisWeekStart = today.AddDays(-6);
        var lastWeekStart = today.AddDays(-13);
        var lastWeek = program.CheckIns.Where(c => c.Date >= lastWeekStart && c.Date < thisWeekStart).Select(c => c.Input.PainNow).ToList();
        if (lastWeek.Count == 0)
        {
            return null;
        }

        var thisWeek = program.CheckIns.Where(c => c.Date >= thisWeekStart && c.Date <= today).Select(c => c.Input.PainNow).Append(painNow);
        return Trend(lastWeek.Average(), thisWeek.Average());
    }

    /// <summary>The section 5 comparison of two weekly means.</summary>
    public static PainTrend Trend(double lastWeekMean, double thisWeekMean)
    {
        var change = thisWeekMean - lastWeekMean;
        if (change >= 1)
        {
            return PainTrend.Worse;
        }

        var fall = -change;
        return fall >= 2 || (lastWeekMean > 0 && fall / lastWeekMean >= 0.3) ? PainTrend.Better : PainTrend.Same;
    }

    /// <summary>
    /// Completes a check-in from history: <c>consecutiveStableCheckIns</c> and <c>sessionsCompletedLast2Weeks</c>
    /// always come from the program (history is the source of truth); <c>painTrendVsLastWeek</c> is derived only when
    /// the patient was not asked (null). A patient's own "worse" is always kept.
    /// </summary>
    public static CheckInInput Complete(CheckInInput answers, PatientProgram program, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return answers with
        {
            ConsecutiveStableCheckIns = ConsecutiveStableCheckIns(program),
            SessionsCompletedLast2Weeks = SessionsCompletedLast2Weeks(program, today),
            PainTrendVsLastWeek = answers.PainTrendVsLastWeek ?? TrendVsLastWeek(program, today, answers.PainNow),
        };
    }
}
