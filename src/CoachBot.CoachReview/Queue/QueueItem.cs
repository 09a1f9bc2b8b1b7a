using CoachBot.Records;

namespace CoachBot.CoachReview.Queue;

/// <summary>One open or acknowledged escalation in the coaches' queue, with its target.</summary>
/// <param name="Escalation">The escalation.</param>
/// <param name="PatientName">The patient's name, when known.</param>
/// <param name="DueAt">When it should be dealt with by.</param>
/// <param name="Waiting">How long since it was raised.</param>
/// <param name="Overdue">True when <paramref name="DueAt"/> has passed.</param>
public sealed record QueueItem(EscalationRecord Escalation, string? PatientName, DateTimeOffset DueAt, TimeSpan Waiting, bool Overdue);
