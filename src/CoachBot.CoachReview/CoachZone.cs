namespace CoachBot.CoachReview;

/// <summary>The care team's time zone (<see cref="CoachReviewOptions.TimeZone"/>), resolved once.</summary>
/// <param name="Zone">The zone.</param>
public sealed record CoachZone(TimeZoneInfo Zone);
