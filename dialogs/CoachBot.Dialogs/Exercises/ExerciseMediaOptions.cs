namespace CoachBot.Dialogs.Exercises;

/// <summary>Where patients' channels fetch exercise pictures from (section <c>Content</c>).</summary>
public sealed class ExerciseMediaOptions
{
    /// <summary>
    /// The host's public base URL (for example <c>https://coachbot.example.org</c>): card images are
    /// <c>{PublicBaseUrl}/content/exercises/NAME.svg</c>. When empty, Web Chat turns use the host they came through
    /// (the built-in Direct Line's service URL); other channels get the cues as text.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}
