namespace CoachBot.Records;

/// <summary>When a patient wants to be checked in with: week days and a local time in an IANA time zone.</summary>
public sealed record CheckInSchedule
{
    /// <summary>The days of the week, in week order.</summary>
    public required IReadOnlyList<DayOfWeek> Days { get; init; }

    /// <summary>The local time of day.</summary>
    public required TimeOnly LocalTime { get; init; }

    /// <summary>The IANA time zone id (for example <c>Europe/London</c>).</summary>
    public required string TimeZone { get; init; }
}
