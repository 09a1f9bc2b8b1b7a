namespace CoachBot.Dialogs.Shared;

/// <summary>
/// What the dialogs remember about a patient beyond the record: answers to history questions that do not change from
/// week to week (the red-flag screen asks them only while unknown; null means not asked yet, or not sure) and the
/// flare-up history behind the flare-up escalations.
/// </summary>
internal sealed class HistoryAnswers
{
    /// <summary>"Have you ever had cancer?"</summary>
    public bool? CancerHistory { get; set; }

    /// <summary>The start day of the flare-up a "lasting more than 7 days" escalation was raised for (raised once per flare-up).</summary>
    public DateOnly? FlareUpLongRaisedFor { get; set; }

    /// <summary>The days recent flare-ups started (newest last; a second one within 4 weeks is escalated).</summary>
    public List<DateOnly> FlareUpStarts { get; set; } = [];
}
