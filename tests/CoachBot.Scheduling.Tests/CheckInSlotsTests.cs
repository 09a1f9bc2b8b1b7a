using CoachBot.Scheduling;
using CoachBot.Records;

namespace CoachBot.Scheduling.Tests;

public class CheckInSlotsTests
{
    private static readonly DayOfWeek[] EveryDay = Enum.GetValues<DayOfWeek>();
    private static readonly QuietHours Quiet = new(new TimeOnly(21, 0), new TimeOnly(8, 0));

    private static CheckInSchedule Schedule(string zone, int hour, int minute = 0, params DayOfWeek[] days) => new()
    {
        Days = days.Length == 0 ? EveryDay : days,
        LocalTime = new TimeOnly(hour, minute),
        TimeZone = zone,
    };

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void ToInstant_LondonSpringForwardGap_SendsWhenTheClocksJump()
    {
        var zone = CheckInSlots.FindZone("Europe/London");

        // 2025-03-30 01:30 does not exist in London (01:00 GMT -> 02:00 BST).
        var instant = CheckInSlots.ToInstant(new DateOnly(2025, 3, 30), new TimeOnly(1, 30), zone);

        Assert.Equal(Utc(2025, 3, 30, 1, 0), instant.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(1), instant.Offset);
    }

    [Fact]
    public void ToInstant_LondonFallBackOverlap_SendsAtTheFirstOccurrence()
    {
        var zone = CheckInSlots.FindZone("Europe/London");

        // 2025-10-26 01:30 happens twice (BST, then GMT): the first is 00:30 UTC.
        var instant = CheckInSlots.ToInstant(new DateOnly(2025, 10, 26), new TimeOnly(1, 30), zone);

        Assert.Equal(Utc(2025, 10, 26, 0, 30), instant.ToUniversalTime());
    }

    [Fact]
    public void Between_LosAngelesAcrossSpringForward_OneSlotPerDayAtTheLocalTime()
    {
        var schedule = Schedule("America/Los_Angeles", 9);

        // US clocks go forward on 2025-03-09: 09:00 is 17:00 UTC before and 16:00 UTC after.
        var slots = CheckInSlots.Between(schedule, Utc(2025, 3, 7, 0), Utc(2025, 3, 11, 0), quiet: null);

        Assert.Equal(
            [Utc(2025, 3, 7, 17), Utc(2025, 3, 8, 17), Utc(2025, 3, 9, 16), Utc(2025, 3, 10, 16)],
            slots.Select(s => s.Due.ToUniversalTime()));
        Assert.Equal([7, 8, 9, 10], slots.Select(s => s.LocalDate.Day));
    }

    [Fact]
    public void Between_LosAngelesGapTime_SentOnceAtThreeOClock()
    {
        var schedule = Schedule("America/Los_Angeles", 2, 30);

        var slots = CheckInSlots.Between(schedule, Utc(2025, 3, 9, 0), Utc(2025, 3, 10, 0), quiet: null);

        // 02:30 does not exist on 2025-03-09; clocks jump from 02:00 PST to 03:00 PDT = 10:00 UTC.
        var slot = Assert.Single(slots);
        Assert.Equal(Utc(2025, 3, 9, 10), slot.Due.ToUniversalTime());
    }

    [Fact]
    public void Between_LosAngelesOverlapTime_SentOnceOnTheFallBackDay()
    {
        var schedule = Schedule("America/Los_Angeles", 1, 30);

        var slots = CheckInSlots.Between(schedule, Utc(2025, 11, 2, 0), Utc(2025, 11, 3, 6), quiet: null);

        // 01:30 happens at 08:30 UTC (PDT) and again at 09:30 UTC (PST): only the first.
        var slot = Assert.Single(slots);
        Assert.Equal(Utc(2025, 11, 2, 8, 30), slot.Due.ToUniversalTime());
    }

    [Fact]
    public void Between_AucklandAheadOfUtc_SlotFallsOnThePreviousUtcDay()
    {
        // Auckland is UTC+13 in January: Monday 07:30 local is Sunday 18:30 UTC.
        var schedule = Schedule("Pacific/Auckland", 7, 30, DayOfWeek.Monday);

        var slots = CheckInSlots.Between(schedule, Utc(2025, 1, 4, 0), Utc(2025, 1, 8, 0), quiet: null);

        var slot = Assert.Single(slots);
        Assert.Equal(new DateOnly(2025, 1, 6), slot.LocalDate);
        Assert.Equal(Utc(2025, 1, 5, 18, 30), slot.Due.ToUniversalTime());
    }

    [Fact]
    public void Between_AucklandAcrossAprilFallBack_KeepsTheLocalTime()
    {
        // New Zealand daylight saving ends 2025-04-06 03:00 NZDT -> 02:00 NZST (UTC+13 -> UTC+12).
        var schedule = Schedule("Pacific/Auckland", 9);

        var slots = CheckInSlots.Between(schedule, Utc(2025, 4, 4, 12), Utc(2025, 4, 6, 20), quiet: null);

        Assert.Equal([Utc(2025, 4, 4, 20), Utc(2025, 4, 5, 21)], slots.Select(s => s.Due.ToUniversalTime()));
    }

    [Fact]
    public void Between_KolkataHalfHourOffset_NoDaylightSaving()
    {
        var schedule = Schedule("Asia/Kolkata", 8, 0, DayOfWeek.Wednesday);

        var slots = CheckInSlots.Between(schedule, Utc(2025, 3, 1, 0), Utc(2025, 3, 31, 0), quiet: null);

        Assert.Equal(4, slots.Count);
        Assert.All(slots, s => Assert.Equal(new TimeSpan(2, 30, 0), s.Due.ToUniversalTime().TimeOfDay));
        Assert.All(slots, s => Assert.Equal(DayOfWeek.Wednesday, s.LocalDate.DayOfWeek));
    }

    [Fact]
    public void Next_OnlyTheChosenDays_InTheirOrder()
    {
        var schedule = Schedule("Europe/London", 18, 0, DayOfWeek.Monday, DayOfWeek.Thursday);

        var first = CheckInSlots.Next(schedule, Utc(2025, 1, 6, 18), quiet: null)!; // just at Monday's slot: strictly after
        var second = CheckInSlots.Next(schedule, first.Due, quiet: null)!;

        Assert.Equal(Utc(2025, 1, 9, 18), first.Due);
        Assert.Equal(Utc(2025, 1, 13, 18), second.Due);
    }

    [Fact]
    public void Next_NoDays_IsNull()
    {
        var schedule = new CheckInSchedule { Days = [], LocalTime = new TimeOnly(9, 0), TimeZone = "Europe/London" };

        Assert.Null(CheckInSlots.Next(schedule, Utc(2025, 1, 6, 0), quiet: null));
    }

    [Fact]
    public void FindZone_Unknown_ThrowsNamingTheZone()
    {
        var error = Assert.Throws<ScheduleException>(() => CheckInSlots.FindZone("Mars/Olympus"));

        Assert.Contains("Mars/Olympus", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyQuietHours_LateEveningSlot_MovesToTomorrowMorning()
    {
        var schedule = Schedule("Europe/London", 22, 15, DayOfWeek.Monday);

        var slot = CheckInSlots.Next(schedule, Utc(2025, 1, 6, 0), Quiet)!;

        Assert.Equal(Utc(2025, 1, 6, 22, 15), slot.Nominal);
        Assert.Equal(Utc(2025, 1, 7, 8, 0), slot.Due);
        Assert.Equal(new DateOnly(2025, 1, 6), slot.LocalDate);
    }

    [Fact]
    public void ApplyQuietHours_EarlyMorningSlot_MovesToEightTheSameDay()
    {
        var zone = CheckInSlots.FindZone("Asia/Kolkata");

        var moved = CheckInSlots.ApplyQuietHours(Utc(2025, 1, 6, 0, 30), zone, Quiet); // 06:00 IST

        Assert.Equal(Utc(2025, 1, 6, 2, 30), moved.ToUniversalTime()); // 08:00 IST
    }

    [Theory]
    [InlineData(20, 59, false)]
    [InlineData(21, 0, true)]
    [InlineData(23, 59, true)]
    [InlineData(0, 0, true)]
    [InlineData(7, 59, true)]
    [InlineData(8, 0, false)]
    [InlineData(12, 0, false)]
    public void QuietHours_WrappingMidnight_Contains(int hour, int minute, bool expected)
    {
        Assert.Equal(expected, Quiet.Contains(new TimeOnly(hour, minute)));
    }

    [Fact]
    public void QuietHours_SameStartAndEnd_IsNeverQuiet()
    {
        var none = new QuietHours(new TimeOnly(8, 0), new TimeOnly(8, 0));

        Assert.False(none.Contains(new TimeOnly(8, 0)));
        Assert.False(none.Contains(new TimeOnly(3, 0)));
    }

    [Fact]
    public void Between_QuietHoursPushTwoSlotsTogether_KeepsOnlyOne()
    {
        // Monday 22:00 moves to Tuesday 08:00; Tuesday 07:00 also moves to 08:00: one check-in, not two.
        var zone = "Europe/London";
        var late = Schedule(zone, 22, 0, DayOfWeek.Monday);
        var early = new CheckInSchedule { Days = [DayOfWeek.Monday, DayOfWeek.Tuesday], LocalTime = new TimeOnly(7, 0), TimeZone = zone };

        var lateSlots = CheckInSlots.Between(late, Utc(2025, 1, 6, 0), Utc(2025, 1, 8, 0), Quiet);
        var earlySlots = CheckInSlots.Between(early, Utc(2025, 1, 6, 0), Utc(2025, 1, 8, 0), Quiet);

        Assert.Equal([Utc(2025, 1, 7, 8)], lateSlots.Select(s => s.Due));
        Assert.Equal([Utc(2025, 1, 6, 8), Utc(2025, 1, 7, 8)], earlySlots.Select(s => s.Due));
    }

    [Fact]
    public void ApplyQuietHours_EndFallsInSpringForwardGap_MovesToTheJump()
    {
        // Quiet hours 21:00-01:30 in London on the night clocks jump at 01:00 GMT: 01:30 does not exist.
        var quiet = new QuietHours(new TimeOnly(21, 0), new TimeOnly(1, 30));
        var zone = CheckInSlots.FindZone("Europe/London");

        var moved = CheckInSlots.ApplyQuietHours(Utc(2025, 3, 29, 22, 0), zone, quiet);

        Assert.Equal(Utc(2025, 3, 30, 1, 0), moved.ToUniversalTime());
    }
}
