namespace CoachBot.Scheduling;

/// <summary>A patient's schedule cannot be used (for example an unknown time zone id).</summary>
public sealed class ScheduleException : Exception
{
    public ScheduleException()
        : this("The check-in schedule is not valid.")
    {
    }

    public ScheduleException(string message)
        : base(message)
    {
    }

    public ScheduleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
