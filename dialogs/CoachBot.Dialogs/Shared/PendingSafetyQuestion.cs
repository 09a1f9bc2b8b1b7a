namespace CoachBot.Dialogs.Shared;

/// <summary>
/// The targeted red-flag question(s) the safety screen asked, waiting for the patient's answer (conversation state).
/// The answer is screened together with the message that raised the question.
/// </summary>
internal sealed class PendingSafetyQuestion
{
    /// <summary>The message that named the symptom.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>The names of the questions asked (rules.json).</summary>
    public List<string> Questions { get; set; } = [];
}
