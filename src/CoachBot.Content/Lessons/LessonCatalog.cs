namespace CoachBot.Content;

/// <summary>
/// The pain-science lessons in <c>education/NN-slug.md</c> under the content root: look up by id or
/// menu number, find by topic, suggest one for a check-in, and list them for a menu.
/// </summary>
/// <remarks>
/// Each file starts with front matter holding <c>id</c> (equal to the slug), <c>title</c>,
/// <c>summary</c> and <c>topics</c> (a non-empty list). Any other field, a missing field, a duplicate id
/// or number, or an empty body is an error; all errors are reported together, naming each file.
/// </remarks>
public sealed partial class LessonCatalog
{
    private static readonly string[] RequiredFields = ["id", "title", "summary", "topics"];
    private static readonly string[] SingleValueFields = ["id", "title", "summary"];

    private readonly Dictionary<string, Lesson> _byId;

    private LessonCatalog(IReadOnlyList<Lesson> lessons)
    {
        All = lessons;
        _byId = lessons.ToDictionary(l => l.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every lesson, in menu order.</summary>
    public IReadOnlyList<Lesson> All { get; }

    /// <summary>Loads every <c>*.md</c> file in <c>education/</c> under <paramref name="contentRoot"/>.</summary>
    /// <exception cref="ContentException">The folder is missing or a lesson is malformed; all problems are listed.</exception>
    public static LessonCatalog Load(string contentRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);
        var folder = Path.Combine(contentRoot, "education");
        if (!Directory.Exists(folder))
        {
            throw new ContentException($"Lesson folder not found: '{folder}'. Check the content root setting.");
        }

        var files = Directory.GetFiles(folder, "*.md").Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllText(path)));
        return FromFiles(files);
    }

    /// <summary>Builds a catalog from (file name, text) pairs.</summary>
    /// <exception cref="ContentException">A lesson is malformed, or two share an id or number; all problems are listed.</exception>
    public static LessonCatalog FromFiles(IEnumerable<(string FileName, string Text)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<string>();
        var lessons = new List<Lesson>();
        foreach (var (fileName, text) in files)
        {
            try
            {
                lessons.Add(Parse(fileName, text));
            }
            catch (ContentException ex)
            {
                problems.AddRange(ex.Problems.Count > 0 ? ex.Problems : [ex.Message]);
            }
        }

        problems.AddRange(lessons.GroupBy(l => l.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => $"Lesson id '{g.Key}' is used by more than one file."));
        problems.AddRange(lessons.GroupBy(l => l.Number).Where(g => g.Count() > 1)
            .Select(g => $"Lesson number {g.Key:00} is used by more than one file."));
        if (problems.Count > 0)
        {
            throw ContentException.FromProblems($"The lessons have {problems.Count} problem(s):", problems);
        }

        return new LessonCatalog([.. lessons.OrderBy(l => l.Number)]);
    }

    /// <summary>Parses one lesson file.</summary>
    /// <exception cref="ContentException">The file name or front matter is malformed; every problem is listed.</exception>
    public static Lesson Parse(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParseFileName(fileName, out var number, out var slug))
        {
            throw new ContentException($"Lesson '{fileName}': the file name must look like '01-short-slug.md'.");
        }

        var (fields, body) = FrontMatter.Split(fileName, text);
        var problems = new List<string>();
        foreach (var field in RequiredFields.Where(f => !fields.TryGetValue(f, out var v) || v.Count == 0 || v.Any(string.IsNullOrWhiteSpace)))
        {
            problems.Add($"Lesson '{fileName}': front matter needs a non-empty '{field}'.");
        }

        foreach (var field in fields.Keys.Where(f => !RequiredFields.Contains(f)))
        {
            problems.Add($"Lesson '{fileName}': unknown front matter field '{field}' (allowed: {string.Join(", ", RequiredFields)}).");
        }

        foreach (var field in SingleValueFields.Where(f => fields.TryGetValue(f, out var v) && v.Count > 1))
        {
            problems.Add($"Lesson '{fileName}': '{field}' must be a single value, not a list.");
        }

        if (fields.TryGetValue("id", out var ids) && ids.Count == 1 && !string.Equals(ids[0], slug, StringComparison.Ordinal))
        {
            problems.Add($"Lesson '{fileName}': id '{ids[0]}' must equal the file's slug '{slug}'.");
        }

        if (body.Trim().Length == 0)
        {
            problems.Add($"Lesson '{fileName}': the body is empty.");
        }

        if (problems.Count > 0)
        {
            throw ContentException.FromProblems($"Lesson '{fileName}' has {problems.Count} problem(s):", problems);
        }

        return new Lesson(
            fields["id"][0],
            number,
            fields["title"][0],
            fields["summary"][0],
            [.. fields["topics"].Select(t => t.ToLowerInvariant())],
            body);
    }

    /// <summary>Whether a lesson with this id exists.</summary>
    public bool TryGetById(string id, out Lesson lesson)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _byId.TryGetValue(id, out lesson!);
    }

    /// <summary>The lesson with this id (case-insensitive).</summary>
    /// <exception cref="ContentException">No lesson has this id.</exception>
    public Lesson GetById(string id) =>
        TryGetById(id, out var lesson) ? lesson : throw new ContentException($"Lesson '{id}' does not exist.");

    /// <summary>The lesson with this menu number, or null.</summary>
    public Lesson? FindByNumber(int number) => All.FirstOrDefault(l => l.Number == number);

    /// <summary>Lessons carrying the topic, in menu order.</summary>
    public IReadOnlyList<Lesson> FindByTopic(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return [.. All.Where(l => l.HasTopic(topic))];
    }

    /// <summary>
    /// The best lesson for a check-in. Each wanted topic scores for every lesson that carries it;
    /// earlier wanted topics weigh more (list the strongest concern first), and a lesson's own first
    /// topic (its main subject) counts double. The highest score wins; ties go to the lower number.
    /// Lessons in <paramref name="alreadySeen"/> are skipped. Null when nothing matches.
    /// </summary>
    public Lesson? Suggest(IEnumerable<string> topics, IEnumerable<string>? alreadySeen = null)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var wanted = topics.Select(t => t.ToLowerInvariant()).Distinct().ToList();
        var seen = new HashSet<string>(alreadySeen ?? [], StringComparer.OrdinalIgnoreCase);
        return All
            .Where(l => !seen.Contains(l.Id))
            .Select(l => (Lesson: l, Score: wanted.Select((t, i) => (wanted.Count - i) * TopicWeight(l, t)).Sum()))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Lesson.Number)
            .Select(x => x.Lesson)
            .FirstOrDefault();
    }

    private static int TopicWeight(Lesson lesson, string topic) =>
        !lesson.HasTopic(topic) ? 0 : string.Equals(lesson.Topics[0], topic, StringComparison.OrdinalIgnoreCase) ? 2 : 1;

    /// <summary>The menu: number, id and title of every lesson, in order.</summary>
    public IReadOnlyList<LessonMenuItem> Menu() => [.. All.Select(l => new LessonMenuItem(l.Number, l.Id, l.Title))];

    /// <summary>
    /// Reads a lesson file name like <c>01-short-slug.md</c>: two digits, a dash, then words of <c>a-z</c> and
    /// <c>0-9</c> joined by single dashes. Checked by hand so that loading the content does not load the regex engine.
    /// </summary>
    internal static bool TryParseFileName(string fileName, out int number, out string slug)
    {
        number = 0;
        slug = string.Empty;
        if (fileName.Length < 7 || !fileName.EndsWith(".md", StringComparison.Ordinal)
            || !char.IsAsciiDigit(fileName[0]) || !char.IsAsciiDigit(fileName[1]) || fileName[2] != '-')
        {
            return false;
        }

        var candidate = fileName[3..^3];
        foreach (var word in candidate.Split('-'))
        {
            if (word.Length == 0 || !word.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
            {
                return false;
            }
        }

        number = ((fileName[0] - '0') * 10) + (fileName[1] - '0');
        slug = candidate;
        return true;
    }
}
