using CoachBot.Records;

namespace CoachBot.Scheduling;

/// <summary>
/// When check-ins are due: pure functions of a <see cref="CheckInSchedule"/> (week days, local time, IANA zone),
/// optional <see cref="QuietHours"/> and an instant. No clock, no I/O.
/// </summary>
/// <remarks>
/// Daylight saving: a local time that does not exist (the spring-forward gap) is sent at the first valid instant
/// after it (the moment clocks jump); a local time that happens twice (the fall-back overlap) is sent once, at its
/// first occurrence. Slots are identified by the patient's local date, so a day never gets two check-ins.
/// </remarks>
public static class CheckInSlots
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>Finds an IANA (or Windows) time zone by id.</summary>
    /// <exception cref="ScheduleException">The id is empty or unknown on this machine.</exception>
    public static TimeZoneInfo FindZone(string? zoneId)
    {
        if (string.IsNullOrWhiteSpace(zoneId))
        {
            throw new ScheduleException("The check-in schedule has no time zone.");
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone)
            ? zone
            : throw new ScheduleException($"The time zone '{zoneId}' is not known (expected an IANA id such as 'Europe/London').");
    }

    /// <summary>
    /// The instant of <paramref name="time"/> on <paramref name="date"/> in <paramref name="zone"/>: in a
    /// spring-forward gap the first valid instant after it, in a fall-back overlap the first occurrence.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Walk forward to the first local minute that exists: the instant the clocks jumped.
            var candidate = new DateTime(local.Ticks - (local.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Unspecified);
            for (var i = 0; i < 48 * 60 && zone.IsInvalidTime(candidate); i++)
            {
                candidate += Minute;
            }

            local = candidate;
        }

        if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the earlier instant: the first time the wall clock shows this time.
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, offset);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The instant itself, or the end of the quiet hours when it falls inside them.</summary>
    public static DateTimeOffset ApplyQuietHours(DateTimeOffset instant, TimeZoneInfo zone, QuietHours? quiet)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (quiet is null)
        {
            return instant;
        }

        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (!quiet.Contains(time))
        {
            return instant;
        }

        var date = DateOnly.FromDateTime(local.DateTime);
        if (quiet.Start > quiet.End && time >= quiet.Start)
        {
            date = date.AddDays(1); // the window wraps midnight: it ends tomorrow morning
        }

        var end = ToInstant(date, quiet.End, zone);
        return end > instant ? end : instant;
    }

    /// <summary>The slot of <paramref name="schedule"/> on a local date, or null when the date is not a check-in day.</summary>
    /// <exception cref="ScheduleException">The schedule's time zone is unknown.</exception>
    public static ScheduledSlot? OnDate(CheckInSchedule schedule, DateOnly localDate, QuietHours? quiet)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var zone = FindZone(schedule.TimeZone);
        return OnDate(schedule, zone, localDate, quiet);
    }

    /// <summary>
    /// The slots whose due instant is after <paramref name="after"/> and at or before <paramref name="until"/>,
    /// in due order. When quiet hours push two slots to the same instant, only the later date's slot is kept.
    /// </summary>
    /// <exception cref="ScheduleException">The schedule's time zone is unknown.</exception>
    public static IReadOnlyList<ScheduledSlot> Between(CheckInSchedule schedule, DateTimeOffset after, DateTimeOffset until, QuietHours? quiet)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var zone = FindZone(schedule.TimeZone);
        if (schedule.Days.Count == 0 || until <= after)
        {
            return [];
        }

        // Quiet hours can move a slot into the next day, so look a little either side of the range.
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime).AddDays(-2);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(until, zone).DateTime).AddDays(1);
        var slots = new List<ScheduledSlot>();
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (OnDate(schedule, zone, date, quiet) is { } slot)
            {
                if (slots.Count > 0 && slots[^1].Due >= slot.Due)
                {
                    slots.RemoveAt(slots.Count - 1);
                }

                slots.Add(slot);
            }
        }

        return [.. slots.Where(s => s.Due > after && s.Due <= until)];
    }

    /// <summary>The first slot due after <paramref name="after"/>, or null when the schedule has no days.</summary>
    /// <exception cref="ScheduleException">The schedule's time zone is unknown.</exception>
    public static ScheduledSlot? Next(CheckInSchedule schedule, DateTimeOffset after, QuietHours? quiet)
    {
        var slots = Between(schedule, after, after.AddDays(15), quiet);
        return slots.Count > 0 ? slots[0] : null;
    }

    private static ScheduledSlot? OnDate(CheckInSchedule schedule, TimeZoneInfo zone, DateOnly date, QuietHours? quiet)
    {
        if (!schedule.Days.Contains(date.DayOfWeek))
        {
            return null;
        }

        var nominal = ToInstant(date, schedule.LocalTime, zone);
        return new ScheduledSlot(date, nominal, ApplyQuietHours(nominal, zone, quiet));
    }
}
