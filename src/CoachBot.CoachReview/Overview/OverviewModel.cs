using CoachBot.CoachReview.Queue;
using CoachBot.Coaching.Policy;
using CoachBot.Records.Caseload;

namespace CoachBot.CoachReview.Overview;

/// <summary>Mean pain at onboarding and at the last check-in, over patients with both.</summary>
public sealed record PainStartNow(int Patients, double StartMean, double NowMean, int Better, int Same, int Worse);

/// <summary>One week: patients active that week and how many trained at least twice; decisions made that week.</summary>
public sealed record WeekFigures(DateOnly WeekStart, int Patients, int Adherent, int Progress, int Hold, int Pause)
{
    /// <summary>Adherent patients as a whole percentage of those active.</summary>
    public int AdherencePercent => Patients == 0 ? 0 : (int)Math.Round(100.0 * Adherent / Patients, MidpointRounding.AwayFromZero);
}

/// <summary>Escalations of one level: how many, how many answered, answered within the target, and the median time to a first answer.</summary>
public sealed record LevelFigures(Escalation Level, int Raised, int Open, int Answered, int WithinTarget, TimeSpan? MedianFirstResponse, string Target);

/// <summary>The programme overview's numbers, computed from the same caseload rows as the caseload page.</summary>
public sealed record OverviewModel(int Patients, PainStartNow Pain, IReadOnlyList<WeekFigures> Weeks, IReadOnlyList<LevelFigures> Levels)
{
    /// <summary>Weeks shown.</summary>
    public const int WeekCount = 8;

    /// <summary>Sessions in a week that count as keeping to the plan (the plan is 2-3 a week).</summary>
    public const int AdherentSessions = 2;

    public static OverviewModel From(IReadOnlyList<CaseloadRow> rows, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var thisWeek = today.AddDays(-(((int)today.DayOfWeek + 6) % 7)); // Monday
        var weeks = Enumerable.Range(0, WeekCount).Select(i => thisWeek.AddDays(-7 * (WeekCount - 1 - i))).ToList();
        return new OverviewModel(rows.Count, PainOf(rows), [.. weeks.Select(w => WeekOf(rows, w, zone))], [.. new[] { Escalation.Emergency, Escalation.Urgent, Escalation.Routine }.Select(l => LevelOf(rows, l, zone))]);
    }

    private static PainStartNow PainOf(IReadOnlyList<CaseloadRow> rows)
    {
        var pairs = rows.Where(r => r.BaselinePain is not null && r.LastCheckIn is not null).Select(r => (Start: r.BaselinePain!.Value, Now: r.LastCheckIn!.Pain)).ToList();
        return pairs.Count == 0
            ? new PainStartNow(0, 0, 0, 0, 0, 0)
            : new PainStartNow(pairs.Count, pairs.Average(p => p.Start), pairs.Average(p => p.Now), pairs.Count(p => p.Now < p.Start), pairs.Count(p => p.Now == p.Start), pairs.Count(p => p.Now > p.Start));
    }

    private static WeekFigures WeekOf(IReadOnlyList<CaseloadRow> rows, DateOnly start, TimeZoneInfo zone)
    {
        var end = start.AddDays(7);
        var active = rows.Where(r => r.Onboarded && DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.CreatedAt, zone).DateTime) < end).ToList();
        var adherent = active.Count(r => r.Sessions.Count(d => d >= start && d < end) >= AdherentSessions);
        var decisions = rows.SelectMany(r => r.CheckIns).Where(c => c.LocalDate >= start && c.LocalDate < end).ToList();
        return new WeekFigures(start, active.Count, adherent, decisions.Count(d => d.Decision == Decision.Progress), decisions.Count(d => d.Decision == Decision.Hold), decisions.Count(d => d.Decision == Decision.Pause));
    }

    private static LevelFigures LevelOf(IReadOnlyList<CaseloadRow> rows, Escalation level, TimeZoneInfo zone)
    {
        var raised = rows.SelectMany(r => r.Escalations).Where(e => e.Level == level && !e.IsNote && !e.IsClearance).ToList();
        var answered = raised.Where(e => e.FirstResponseAt is not null).ToList();
        var within = answered.Count(e => e.FirstResponseAt <= EscalationTargets.DueAt(level, e.RaisedAt, zone));
        var times = answered.Select(e => e.FirstResponseAt!.Value - e.RaisedAt).Order().ToList();
        TimeSpan? median = times.Count == 0 ? null : times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
        return new LevelFigures(level, raised.Count, raised.Count(e => e.Open && e.FirstResponseAt is null), answered.Count, within, median, EscalationTargets.Describe(level));
    }
}
