namespace CoachBot.Dialogs.Shared;

/// <summary>A 0-10 answer, or "not sure" (<see cref="Value"/> null).</summary>
internal sealed record ScoreAnswer(int? Value);
