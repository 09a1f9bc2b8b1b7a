using CoachBot.Protocol.Turns;

namespace CoachBot.Scheduling;

/// <summary>
/// The turn handler that starts a check-in in a proactive turn (in the host: <c>CoachBotBot.BeginCheckInAsync</c>).
/// The scheduler runs it through <c>BotAdapter.ContinueConversationAsync</c>, so state and ordering apply.
/// </summary>
/// <param name="Handler">The handler.</param>
public sealed record CheckInTurn(Func<ITurnContext, CancellationToken, Task> Handler);

/// <summary>What one poll did.</summary>
/// <param name="Due">Due entries looked at.</param>
/// <param name="Sent">Slots sent (the channel accepted them).</param>
/// <param name="Skipped">Slots not sent on purpose (answered, stopped, stale, too late, done by another instance).</param>
/// <param name="Failed">Slots the channel refused for good, or whose outcome is uncertain.</param>
/// <param name="Deferred">Slots left for later (claimed elsewhere, throttled, backing off).</param>
/// <param name="Errors">Entries whose handling threw (logged; retried on a later poll).</param>
public sealed record PollResult(int Due, int Sent, int Skipped, int Failed, int Deferred, int Errors);
