namespace CoachBot.Dialogs;

/// <summary>How the root dialog begins: with a message to route, or to start a proactive check-in.</summary>
/// <param name="ProactiveCheckIn">True when the scheduler starts a check-in.</param>
internal sealed record MainOptions(bool ProactiveCheckIn);
