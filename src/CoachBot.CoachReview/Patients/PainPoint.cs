using CoachBot.Coaching.Policy;

namespace CoachBot.CoachReview.Patients;

/// <summary>One point of the pain trend: when, pain now (0-10) and the decision made.</summary>
/// <param name="At">When the check-in was recorded.</param>
/// <param name="Pain">Pain now, 0-10.</param>
/// <param name="Decision">Progress, hold or pause.</param>
public sealed record PainPoint(DateTimeOffset At, int Pain, Decision Decision);
