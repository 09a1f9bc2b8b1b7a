namespace CoachBot.Dialogs.Education;

/// <summary>Which lesson to show; null shows the menu.</summary>
internal sealed record LessonOptions(string? LessonId);
