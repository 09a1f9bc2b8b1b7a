using CoachBot.Content;

namespace CoachBot.Content.Tests.Support;

/// <summary>The repository's content/ folder, copied next to the tests, loaded once.</summary>
internal static class ShippedContent
{
    private static readonly Lazy<CoachBotContent> Loaded = new(() => CoachBotContent.Load(Root));

    public static string Root => Path.Combine(AppContext.BaseDirectory, "content");

    public static CoachBotContent Content => Loaded.Value;

    public static ContentCatalog Messages => Content.Messages;

    public static LessonCatalog Lessons => Content.Lessons;

    public static CrisisLines CrisisLines => Content.CrisisLines;

    /// <summary>
    /// Every patient-facing text, named for test output. Each message variant is scored alone. Button
    /// labels (keys with an "option" or "label" part) are scored together per question, one label per
    /// line, because a label of one or two words is not a sentence. A lesson is scored as a patient
    /// reads it: title, summary and body together. The lesson menu is scored as one list.
    /// </summary>
    public static IEnumerable<(string Name, string Text)> PatientTexts()
    {
        var groups = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var key in Messages.Keys)
        {
            var variants = Messages.GetVariants(key);
            var labelGroup = LabelGroup(key);
            if (labelGroup is not null)
            {
                if (!groups.TryGetValue(labelGroup, out var labels))
                {
                    groups[labelGroup] = labels = [];
                }

                labels.AddRange(variants);
                continue;
            }

            for (var i = 0; i < variants.Count; i++)
            {
                yield return (variants.Count == 1 ? key : $"{key} (variant {i + 1})", variants[i]);
            }
        }

        foreach (var (group, labels) in groups)
        {
            yield return (group, string.Join("\n", labels));
        }

        foreach (var lesson in Lessons.All)
        {
            yield return ($"lesson {lesson.Number:00} {lesson.Id}", $"# {lesson.Title}\n\n{lesson.Summary}\n\n{lesson.Body}");
        }

        yield return ("lesson menu (all titles)", string.Join("\n", Lessons.Menu().Select(m => $"{m.Number}. {m.Title}")));
    }

    public static string? LabelGroup(string key)
    {
        var parts = key.Split('.');
        var at = Array.FindIndex(parts, p => p is "option" or "label");
        return at < 0 ? null : string.Join('.', parts[..at]) + "." + parts[at] + ".*";
    }
}
