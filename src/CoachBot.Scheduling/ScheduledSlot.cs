namespace CoachBot.Scheduling;

/// <summary>One check-in slot of a patient's schedule.</summary>
/// <param name="LocalDate">The patient's local date the slot belongs to (at most one check-in per local date).</param>
/// <param name="Nominal">The instant of the scheduled local time (after daylight-saving adjustment).</param>
/// <param name="Due">When it is sent: <paramref name="Nominal"/>, or the end of quiet hours when it falls inside them.</param>
public sealed record ScheduledSlot(DateOnly LocalDate, DateTimeOffset Nominal, DateTimeOffset Due);
