namespace CoachBot.Scheduling;

/// <summary>
/// A daily window of local time in which no proactive message is sent (for example 21:00-08:00). The window may
/// wrap midnight. A slot that falls inside it moves to the window's end. Start equal to end means no quiet hours.
/// </summary>
/// <param name="Start">Local time the quiet window starts (inclusive).</param>
/// <param name="End">Local time the quiet window ends (exclusive): where a moved slot lands.</param>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    /// <summary>True when <paramref name="time"/> is inside the window.</summary>
    public bool Contains(TimeOnly time)
    {
        if (Start == End)
        {
            return false;
        }

        return Start < End ? time >= Start && time < End : time >= Start || time < End;
    }
}
