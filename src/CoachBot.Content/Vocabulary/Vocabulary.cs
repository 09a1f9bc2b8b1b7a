using System.Text.Json;
using System.Text.RegularExpressions;

namespace CoachBot.Content;

/// <summary>
/// The words the bot recognises, from <c>vocabulary/{language}.json</c> under the content root: one named list per
/// meaning (the "not sure" answers, the words for a pain type, the phrases of a command). Checked when loaded; an error
/// names the file and the entry (<c>vocabulary/en.json: answer.notSure[3]: "Maybe" must be lower case.</c>).
/// </summary>
public sealed partial class Vocabulary
{
    private readonly Dictionary<string, IReadOnlyList<string>> _lists;

    private Vocabulary(string source, Dictionary<string, IReadOnlyList<string>> lists)
    {
        Source = source;
        _lists = lists;
    }

    /// <summary>The file the lists came from, for error messages (<c>vocabulary/en.json</c>).</summary>
    public string Source { get; }

    /// <summary>The list names, in file order.</summary>
    public IReadOnlyCollection<string> Names => _lists.Keys;

    /// <summary>The words of a list.</summary>
    /// <exception cref="ContentException">No list has the name.</exception>
    public IReadOnlyList<string> Words(string name) =>
        _lists.TryGetValue(name, out var words) ? words : throw new ContentException($"{Source}: no word list '{name}'.");

    /// <summary>Loads <c>vocabulary/{language}.json</c> from <paramref name="contentRoot"/>.</summary>
    /// <exception cref="ContentException">The file is missing or malformed; every problem is listed.</exception>
    public static Vocabulary Load(string contentRoot, string language = "en")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);
        var relative = $"vocabulary/{language}.json";
        var path = Path.Combine(contentRoot, "vocabulary", language + ".json");
        if (!File.Exists(path))
        {
            throw new ContentException($"{relative}: the word lists were not found at '{path}'. Check the content root setting.");
        }

        return Parse(File.ReadAllText(path), relative);
    }

    /// <summary>Parses word-list JSON (an object of list name to an array of words); <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="ContentException">The JSON is malformed; every problem is listed.</exception>
    public static Vocabulary Parse(string json, string sourceName = "vocabulary/en.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new ContentException($"{sourceName}: not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ContentException($"{sourceName}: the file must be an object of word lists (\"name\": [\"word\", ...]).");
            }

            var problems = new List<string>();
            var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var list in document.RootElement.EnumerateObject())
            {
                var words = ReadList(sourceName, list, problems);
                if (!ListName().IsMatch(list.Name))
                {
                    problems.Add($"{sourceName}: {list.Name}: a list name is lower camel case words joined by dots, like \"answer.notSure\".");
                }
                else if (!lists.TryAdd(list.Name, words))
                {
                    problems.Add($"{sourceName}: {list.Name}: the list appears more than once.");
                }
            }

            if (problems.Count > 0)
            {
                throw ContentException.FromProblems($"{sourceName} has {problems.Count} problem(s):", problems);
            }

            return new Vocabulary(sourceName, lists);
        }
    }

    /// <summary>The names of <paramref name="required"/> that have no list (empty when all are there).</summary>
    public IReadOnlyList<string> FindMissing(IEnumerable<string> required)
    {
        ArgumentNullException.ThrowIfNull(required);
        return [.. required.Where(n => !_lists.ContainsKey(n)).Select(n => $"{Source}: no word list '{n}' (the dialogs use it).")];
    }

    /// <summary>Checks that every list the code uses exists.</summary>
    /// <exception cref="ContentException">Lists are missing; each is named.</exception>
    public void Validate(IEnumerable<string> required)
    {
        var missing = FindMissing(required);
        if (missing.Count > 0)
        {
            throw ContentException.FromProblems($"{Source} lacks {missing.Count} word list(s):", missing);
        }
    }

    private static List<string> ReadList(string source, JsonProperty list, List<string> problems)
    {
        var words = new List<string>();
        if (list.Value.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{source}: {list.Name}: must be an array of words.");
            return words;
        }

        var index = 0;
        foreach (var item in list.Value.EnumerateArray())
        {
            var at = $"{source}: {list.Name}[{index++}]";
            var word = item.ValueKind == JsonValueKind.String ? item.GetString()! : null;
            if (word is null)
            {
                problems.Add($"{at}: must be a string.");
            }
            else if (word.Trim().Length == 0 || word.Trim() != word || word.Contains("  ", StringComparison.Ordinal))
            {
                problems.Add($"{at}: \"{word}\" must be a word or phrase without spaces at either end or doubled.");
            }
            else if (!string.Equals(word, word.ToLowerInvariant(), StringComparison.Ordinal))
            {
                problems.Add($"{at}: \"{word}\" must be lower case.");
            }
            else if (words.Contains(word, StringComparer.Ordinal))
            {
                problems.Add($"{at}: \"{word}\" appears twice in the list.");
            }
            else
            {
                words.Add(word);
            }
        }

        if (index == 0)
        {
            problems.Add($"{source}: {list.Name}: the list is empty.");
        }

        return words;
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*(\\.[a-z][a-zA-Z0-9]*)*$")]
    private static partial Regex ListName();
}
