namespace CoachBot.Content;

/// <summary>One line of the lesson menu: the number a patient types, and the title.</summary>
public sealed record LessonMenuItem(int Number, string Id, string Title);
