using CoachBot.Coaching.CheckIns;

namespace CoachBot.Coaching.Programs;

/// <summary>Derives the history fields of the input contract from a patient's program (clinical rules 1.1 and 5).</summary>
public static class PatientHistory
{
    /// <summary>Previous check-ins in a row, newest backwards, that met every pain-monitoring rule.</summary>
    public static int ConsecutiveStableCheckIns(PatientProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var count = 0;
        for (var i = program.CheckIns.Count - 1; i >= 0 && PainMonitoring.IsMet(program.CheckIns[i].Input); i--)
        {
            count++;
        }

        return count;
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
