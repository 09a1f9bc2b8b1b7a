namespace CoachBot.Dialogs.Onboarding;

/// <summary>The schedule answers so far.</summary>
internal sealed class ScheduleState
{
    public List<DayOfWeek> Days { get; set; } = [];

    public TimeOnly? Time { get; set; }

    public string? TimeZone { get; set; }
}
