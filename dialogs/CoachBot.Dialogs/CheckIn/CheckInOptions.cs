namespace CoachBot.Dialogs.CheckIn;

/// <summary>How a check-in starts.</summary>
/// <param name="Proactive">True when the scheduler started it (greets the patient first).</param>
internal sealed record CheckInOptions(bool Proactive);
