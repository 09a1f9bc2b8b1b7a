namespace CoachBot.Content;

/// <summary>One pain-science lesson, parsed from <c>education/NN-slug.md</c>.</summary>
/// <param name="Id">Stable id from the front matter; equals the slug of the file name.</param>
/// <param name="Number">The NN of the file name; the order in the menu.</param>
/// <param name="Title">Patient-facing title.</param>
/// <param name="Summary">One plain sentence saying what the lesson is about.</param>
/// <param name="Topics">Tags used to match a lesson to a check-in (see <see cref="LessonTopics"/>).</param>
/// <param name="Body">The Markdown body, without the front matter.</param>
public sealed record Lesson(string Id, int Number, string Title, string Summary, IReadOnlyList<string> Topics, string Body)
{
    /// <summary>Whether the lesson carries the topic (case-insensitive).</summary>
    public bool HasTopic(string topic) => Topics.Contains(topic, StringComparer.OrdinalIgnoreCase);
}
