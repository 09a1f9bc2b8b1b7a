namespace CoachBot.Content;

/// <summary>
/// Display names of the coaching core's exercises live in the catalog as
/// <c>exercise.label.&lt;id with _ for -&gt;</c>: <c>kettlebell-deadlift</c> → <c>exercise.label.kettlebell_deadlift</c>.
/// Exercises a patient typed in keep the patient's own words and have no key.
/// </summary>
public static class ExerciseMessages
{
    /// <summary>The catalog key for an exercise id of the coaching core.</summary>
    public static string LabelKeyFor(string exerciseId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(exerciseId);
        return "exercise.label." + exerciseId.Trim().ToLowerInvariant().Replace('-', '_');
    }

    /// <summary>The exercise's display name, or null when the catalog has none (a patient's own exercise).</summary>
    public static string? TryGetLabel(ContentCatalog messages, string exerciseId)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var key = LabelKeyFor(exerciseId);
        return messages.Contains(key) ? messages.Get(key) : null;
    }
}
