namespace CoachBot.Dialogs.Shared;

/// <summary>
/// Answers to history questions that do not change from week to week, so the red-flag screen asks them only while
/// they are not known. Null means not asked yet, or the patient was not sure (then it is asked again next time).
/// </summary>
internal sealed class HistoryAnswers
{
    /// <summary>"Have you ever had cancer?"</summary>
    public bool? CancerHistory { get; set; }
}
