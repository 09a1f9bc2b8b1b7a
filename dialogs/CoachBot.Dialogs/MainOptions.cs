namespace CoachBot.Dialogs;

/// <summary>How the root dialog begins: with a message to route, or to start a check-in.</summary>
/// <param name="ProactiveCheckIn">True when the scheduler starts a check-in.</param>
/// <param name="CheckIn">True to start a check-in the patient asked for without words (an out-of-date check-in card).</param>
internal sealed record MainOptions(bool ProactiveCheckIn, bool CheckIn = false);
