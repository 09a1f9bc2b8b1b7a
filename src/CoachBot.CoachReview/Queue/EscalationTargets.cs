using CoachBot.Coaching.Policy;

namespace CoachBot.CoachReview.Queue;

/// <summary>
/// When an escalation should have been dealt with (docs/clinical-rules.md, escalation levels): emergency at once
/// (within the hour), urgent the same day, routine within 2 working days (Monday to Friday), counted in the care
/// team's time zone.
/// </summary>
public static class EscalationTargets
{
    /// <summary>How long an emergency may wait for a human.</summary>
    public static readonly TimeSpan EmergencyTarget = TimeSpan.FromHours(1);

    /// <summary>Working days a routine escalation may wait.</summary>
    public const int RoutineWorkingDays = 2;

    /// <summary>The time the escalation is due by.</summary>
    public static DateTimeOffset DueAt(Escalation level, DateTimeOffset raisedAt, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(raisedAt, zone);
        return level switch
        {
            Escalation.Emergency => raisedAt + EmergencyTarget,
            Escalation.Urgent => AtLocal(DateOnly.FromDateTime(local.DateTime).AddDays(1), TimeOnly.MinValue, zone),
            _ => AddWorkingDays(local, RoutineWorkingDays, zone),
        };
    }

    /// <summary>"same day", "2 working days" or "1 hour": the target in words for the coach.</summary>
    public static string Describe(Escalation level) => level switch
    {
        Escalation.Emergency => "at once (1 hour)",
        Escalation.Urgent => "same day",
        _ => "2 working days",
    };

    private static DateTimeOffset AddWorkingDays(DateTimeOffset local, int days, TimeZoneInfo zone)
    {
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (IsWeekend(date))
        {
            // Raised at a weekend: the clock starts on Monday morning.
            while (IsWeekend(date))
            {
                date = date.AddDays(1);
            }

            time = TimeOnly.MinValue;
        }

        for (var added = 0; added < days;)
        {
            date = date.AddDays(1);
            if (!IsWeekend(date))
            {
                added++;
            }
        }

        return AtLocal(date, time, zone);
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static DateTimeOffset AtLocal(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1); // the hour skipped when clocks go forward
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
