namespace CoachBot.Coaching.Screening;

/// <summary>A scored STarT Back questionnaire.</summary>
/// <param name="Total">Items 1-9, 0-9.</param>
/// <param name="Psychosocial">Items 5-9, 0-5.</param>
/// <param name="Risk">The risk group.</param>
public sealed record StartBackResult(int Total, int Psychosocial, StartBackRisk Risk);
