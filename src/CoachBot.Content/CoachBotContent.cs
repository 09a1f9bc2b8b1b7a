namespace CoachBot.Content;

/// <summary>
/// All content the bot needs, loaded and checked together from one content root: the message
/// catalog, the lessons, the crisis lines, the exercise cards and the words the bot recognises. Load it once at start-up and share it; it is immutable.
/// </summary>
public sealed class CoachBotContent
{
    private CoachBotContent(string root, ContentCatalog messages, LessonCatalog lessons, CrisisLines crisisLines, ExerciseGuideCatalog exercises, Vocabulary vocabulary)
    {
        Vocabulary = vocabulary;
        Exercises = exercises;
        Root = root;
        Messages = messages;
        Lessons = lessons;
        CrisisLines = crisisLines;
    }

    /// <summary>The content root folder the content was read from.</summary>
    public string Root { get; }

    /// <summary>The keyed message catalog.</summary>
    public ContentCatalog Messages { get; }

    /// <summary>The pain-science lessons.</summary>
    public LessonCatalog Lessons { get; }

    /// <summary>How to do each exercise (cards with pictures).</summary>
    public ExerciseGuideCatalog Exercises { get; }

    /// <summary>Crisis and emergency numbers per country.</summary>
    public CrisisLines CrisisLines { get; }

    /// <summary>The word lists the bot recognises answers and commands by.</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>
    /// Loads everything under <paramref name="contentRoot"/> and checks that every key in
    /// <see cref="MessageKeys.All"/> exists. Every problem found is reported in one exception.
    /// </summary>
    /// <exception cref="ContentException">Anything is missing or malformed.</exception>
    public static CoachBotContent Load(string contentRoot, string language = "en")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);
        var root = Path.GetFullPath(contentRoot);
        var problems = new List<string>();
        var messages = Try(() => ContentCatalog.Load(root, language), problems);
        var lessons = Try(() => LessonCatalog.Load(root), problems);
        var crisisLines = Try(() => CrisisLines.Load(root), problems);
        var exercises = Try(() => ExerciseGuideCatalog.Load(root), problems);
        var vocabulary = Try(() => Vocabulary.Load(root, language), problems);
        if (messages is not null)
        {
            problems.AddRange(messages.FindProblems(MessageKeys.All));
        }

        if (problems.Count > 0 || messages is null || lessons is null || crisisLines is null || exercises is null || vocabulary is null)
        {
            throw ContentException.FromProblems($"The content in '{root}' has {problems.Count} problem(s):", problems);
        }

        return new CoachBotContent(root, messages, lessons, crisisLines, exercises, vocabulary);
    }

    private static T? Try<T>(Func<T> load, List<string> problems)
        where T : class
    {
        try
        {
            return load();
        }
        catch (ContentException ex)
        {
            problems.AddRange(ex.Problems.Count > 0 ? ex.Problems : [ex.Message]);
            return null;
        }
    }
}
