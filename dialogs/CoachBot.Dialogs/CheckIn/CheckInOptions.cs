namespace CoachBot.Dialogs.CheckIn;

/// <summary>How a check-in starts.</summary>
/// <param name="Proactive">True when the scheduler started it (greets the patient first).</param>
/// <param name="Greeted">True when the patient was already greeted (a card check-in answered by typing instead).</param>
/// <param name="PainNow">Pain now when already typed (a number typed at the card): not asked again.</param>
internal sealed record CheckInOptions(bool Proactive, bool Greeted = false, int? PainNow = null);
