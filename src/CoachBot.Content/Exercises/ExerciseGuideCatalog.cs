using System.Text.Json;

namespace CoachBot.Content;

/// <summary>
/// The exercise cards under <c>content/exercises</c>: one JSON file per exercise and its picture beside it. A clinic
/// can point <c>image</c> (or <c>video</c>) at its own file anywhere under the content root.
/// </summary>
public sealed class ExerciseGuideCatalog
{
    /// <summary>The folder under the content root.</summary>
    public const string Folder = "exercises";

    /// <summary>Media files the host serves, by extension, with their content types.</summary>
    public static IReadOnlyDictionary<string, string> MediaTypes { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".mp4"] = "video/mp4",
        [".webm"] = "video/webm",
    };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private readonly Dictionary<string, ExerciseGuide> _byId;

    private ExerciseGuideCatalog(IReadOnlyList<ExerciseGuide> guides)
    {
        All = guides;
        _byId = guides.ToDictionary(g => g.Id, StringComparer.Ordinal);
    }

    /// <summary>Every card, by id order.</summary>
    public IReadOnlyList<ExerciseGuide> All { get; }

    /// <summary>The card for an exercise id, or null.</summary>
    public ExerciseGuide? Find(string? id) => id is not null && _byId.TryGetValue(id, out var guide) ? guide : null;

    /// <summary>
    /// The card a message asks about ("how do I do a hip bridge?"): the longest name it contains as whole words, or
    /// null when it names none.
    /// </summary>
    public ExerciseGuide? Match(string? text)
    {
        var words = " " + string.Join(' ', (text ?? string.Empty).ToLowerInvariant().Replace('-', ' ').Split([' ', '.', '!', ',', '?', '\'', '"'], StringSplitOptions.RemoveEmptyEntries)) + " ";
        return All
            .SelectMany(g => g.Names.Select(n => (Guide: g, Name: n)))
            .Where(x => words.Contains(" " + x.Name.Replace('-', ' ') + " ", StringComparison.Ordinal))
            .OrderByDescending(x => x.Name.Length)
            .Select(x => x.Guide)
            .FirstOrDefault();
    }

    /// <summary>Loads and checks every card; an absent folder is an empty catalogue.</summary>
    /// <exception cref="ContentException">A card is malformed or its picture is missing.</exception>
    public static ExerciseGuideCatalog Load(string contentRoot)
    {
        var root = Path.GetFullPath(contentRoot);
        var folder = Path.Combine(root, Folder);
        if (!Directory.Exists(folder))
        {
            return new ExerciseGuideCatalog([]);
        }

        var problems = new List<string>();
        var guides = new List<ExerciseGuide>();
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileNameWithoutExtension(file);
            try
            {
                var guide = JsonSerializer.Deserialize<ExerciseGuide>(File.ReadAllText(file), Json);
                if (guide is null)
                {
                    problems.Add($"{Folder}/{id}.json is empty.");
                    continue;
                }

                guide = guide with { Id = id, Names = [.. (guide.Names ?? []).Select(n => n.Trim().ToLowerInvariant())] };
                problems.AddRange(Check(root, guide));
                guides.Add(guide);
            }
            catch (JsonException ex)
            {
                problems.Add($"{Folder}/{id}.json is not valid: {ex.Message}");
            }
        }

        if (problems.Count > 0)
        {
            throw ContentException.FromProblems($"The exercise cards in '{folder}' have {problems.Count} problem(s):", problems);
        }

        return new ExerciseGuideCatalog(guides);
    }

    /// <summary>The full path of a media file under the content root, or null when the path leaves it or is not a served type.</summary>
    public static string? MediaPath(string contentRoot, string relative)
    {
        if (string.IsNullOrWhiteSpace(relative) || !MediaTypes.ContainsKey(Path.GetExtension(relative)))
        {
            return null;
        }

        var root = Path.GetFullPath(contentRoot) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, relative));
        return full.StartsWith(root, StringComparison.Ordinal) ? full : null;
    }

    private static IEnumerable<string> Check(string root, ExerciseGuide guide)
    {
        var name = $"{Folder}/{guide.Id}.json";
        if (guide.Names.Count == 0)
        {
            yield return $"{name}: give at least one name.";
        }

        foreach (var (field, value) in new[] { ("setup", guide.Setup), ("mistake", guide.Mistake), ("easier", guide.Easier), ("harder", guide.Harder) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return $"{name}: '{field}' is missing.";
            }
        }

        if (guide.Cues is not { Count: >= 2 and <= 4 } || guide.Cues.Any(string.IsNullOrWhiteSpace))
        {
            yield return $"{name}: give 2 to 4 cues.";
        }

        foreach (var (field, media) in new[] { ("image", guide.Image), ("video", guide.Video) })
        {
            if (media is null && field == "video")
            {
                continue;
            }

            var path = media is null ? null : MediaPath(root, media);
            if (path is null || !File.Exists(path))
            {
                yield return $"{name}: the {field} '{media}' is not a picture or video file under the content root.";
            }
        }
    }
}
