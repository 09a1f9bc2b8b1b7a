using System.Text.Json;

namespace CoachBot.Content;

/// <summary>
/// The keyed message catalog: every patient-facing sentence, loaded from
/// <c>messages/{language}.json</c> under the content root. A key holds one text or a list of variants.
/// </summary>
/// <remarks>
/// The file is checked as a whole when it loads: keys look like <c>group.name</c> (lower snake case),
/// values are non-empty strings or non-empty lists of them, placeholders are well formed, and every
/// variant of a key uses the same placeholders. All problems are reported at once, naming each key.
/// Lookups of unknown keys, and texts rendered without a placeholder value, throw
/// <see cref="ContentException"/> naming the key, so a raw <c>{placeholder}</c> never reaches a patient.
/// </remarks>
public sealed partial class ContentCatalog
{
    private readonly Dictionary<string, MessageTemplate[]> _messages;

    private ContentCatalog(string language, Dictionary<string, MessageTemplate[]> messages)
    {
        Language = language;
        _messages = messages;
    }

    /// <summary>The language of the catalog, such as <c>en</c>.</summary>
    public string Language { get; }

    /// <summary>All keys, in ordinal order.</summary>
    public IReadOnlyList<string> Keys => [.. _messages.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Loads <c>messages/{language}.json</c> from <paramref name="contentRoot"/>.</summary>
    /// <exception cref="ContentException">The file is missing or has problems; all of them are listed.</exception>
    public static ContentCatalog Load(string contentRoot, string language = "en")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        var path = Path.Combine(contentRoot, "messages", language + ".json");
        if (!File.Exists(path))
        {
            throw new ContentException($"Message catalog not found: '{path}'. Check the content root setting.");
        }

        return Parse(File.ReadAllText(path), language, path);
    }

    /// <summary>Parses catalog JSON text; <paramref name="sourceName"/> is used in error messages.</summary>
    /// <exception cref="ContentException">The JSON is malformed or has problems; all of them are listed.</exception>
    public static ContentCatalog Parse(string json, string language = "en", string sourceName = "messages")
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new ContentException($"Message catalog '{sourceName}' is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ContentException($"Message catalog '{sourceName}' must be a JSON object of key to text.");
            }

            var problems = new List<string>();
            var messages = new Dictionary<string, MessageTemplate[]>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var key = property.Name;
                if (!IsKey(key))
                {
                    problems.Add($"'{key}': a key is lower snake case words joined by dots, like 'checkin.ask_pain_now'");
                    continue;
                }

                if (messages.ContainsKey(key))
                {
                    problems.Add($"'{key}': the key appears more than once");
                    continue;
                }

                var variants = ReadVariants(key, property.Value, problems);
                if (variants is not null)
                {
                    messages[key] = variants;
                }
            }

            if (problems.Count > 0)
            {
                throw ContentException.FromProblems($"Message catalog '{sourceName}' has {problems.Count} problem(s):", problems);
            }

            return new ContentCatalog(language, messages);
        }
    }

    /// <summary>Whether the key exists.</summary>
    public bool Contains(string key) => _messages.ContainsKey(key);

    /// <summary>The raw variants of a key, as written (placeholders unfilled).</summary>
    public IReadOnlyList<string> GetVariants(string key) => [.. Find(key).Select(t => t.Source)];

    /// <summary>The placeholder names a key needs (the same for every variant).</summary>
    public IReadOnlySet<string> GetPlaceholders(string key) => Find(key)[0].Placeholders;

    /// <summary>The first variant of a key that has no placeholders.</summary>
    /// <exception cref="ContentException">The key is missing, or it needs placeholder values (use <see cref="Format(string, IReadOnlyDictionary{string, string})"/>).</exception>
    public string Get(string key) => Get(key, 0);

    /// <summary>A variant of a key with no placeholders, picked by <paramref name="seed"/> (same seed, same text).</summary>
    public string Get(string key, int seed) => Format(key, null, seed);

    /// <summary>The first variant of a key with its placeholders filled from <paramref name="args"/>.</summary>
    public string Format(string key, IReadOnlyDictionary<string, string>? args) => Format(key, args, 0);

    /// <summary>A variant picked by <paramref name="seed"/>, with its placeholders filled from <paramref name="args"/>.</summary>
    /// <exception cref="ContentException">The key is missing, or a placeholder has no value; the message names both.</exception>
    public string Format(string key, IReadOnlyDictionary<string, string>? args, int seed)
    {
        var variants = Find(key);
        var template = variants[PickIndex(seed, variants.Length)];
        var text = template.Render(args, out var missing);
        if (missing.Count > 0)
        {
            throw new ContentException(
                $"Message '{key}' needs a value for {string.Join(", ", missing.Select(m => "{" + m + "}"))}.")
            {
                Problems = [.. missing.Select(m => $"'{key}': no value for {{{m}}}")],
            };
        }

        return text;
    }

    /// <summary>
    /// Lists what is wrong for start-up: required keys that are missing. An empty list means the
    /// catalog is fit for the code that uses it.
    /// </summary>
    public IReadOnlyList<string> FindProblems(IEnumerable<string> requiredKeys)
    {
        ArgumentNullException.ThrowIfNull(requiredKeys);
        return [.. requiredKeys.Distinct(StringComparer.Ordinal)
            .Where(k => !_messages.ContainsKey(k))
            .Order(StringComparer.Ordinal)
            .Select(k => $"'{k}': required by the code but missing from the '{Language}' catalog")];
    }

    /// <summary>Start-up check: throws when any required key is missing, listing every missing key.</summary>
    /// <exception cref="ContentException">One or more required keys are missing.</exception>
    public void Validate(IEnumerable<string> requiredKeys)
    {
        var problems = FindProblems(requiredKeys);
        if (problems.Count > 0)
        {
            throw ContentException.FromProblems($"The '{Language}' message catalog is missing {problems.Count} key(s):", problems);
        }
    }

    /// <summary>
    /// A seed that is stable across processes and machines (FNV-1a of the text), for picking variants
    /// from, say, a conversation id plus a turn number. <see cref="string.GetHashCode()"/> is not stable.
    /// </summary>
    public static int StableSeed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }

    private static int PickIndex(int seed, int count) => (int)((uint)seed % (uint)count);

    private MessageTemplate[] Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _messages.TryGetValue(key, out var variants)
            ? variants
            : throw new ContentException($"Message key '{key}' is not in the '{Language}' catalog.") { Problems = [$"'{key}': missing"] };
    }

    private static MessageTemplate[]? ReadVariants(string key, JsonElement value, List<string> problems)
    {
        var texts = new List<string>();
        if (value.ValueKind == JsonValueKind.String)
        {
            texts.Add(value.GetString()!);
        }
        else if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0 && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
        {
            texts.AddRange(value.EnumerateArray().Select(v => v.GetString()!));
        }
        else
        {
            problems.Add($"'{key}': the value must be a text or a non-empty list of texts, not {value.ValueKind}");
            return null;
        }

        var templates = new List<MessageTemplate>();
        for (var i = 0; i < texts.Count; i++)
        {
            var where = texts.Count == 1 ? $"'{key}'" : $"'{key}' variant {i + 1}";
            if (string.IsNullOrWhiteSpace(texts[i]))
            {
                problems.Add($"{where}: the text is empty");
                continue;
            }

            var template = MessageTemplate.TryParse(texts[i], out var error);
            if (template is null)
            {
                problems.Add($"{where}: {error}");
                continue;
            }

            templates.Add(template);
        }

        if (templates.Count != texts.Count)
        {
            return null;
        }

        var first = templates[0].Placeholders;
        for (var i = 1; i < templates.Count; i++)
        {
            if (!templates[i].Placeholders.SetEquals(first))
            {
                problems.Add($"'{key}' variant {i + 1}: uses {Describe(templates[i].Placeholders)} but variant 1 uses {Describe(first)}; every variant needs the same placeholders");
                return null;
            }
        }

        return [.. templates];
    }

    private static string Describe(IReadOnlySet<string> names) =>
        names.Count == 0 ? "no placeholders" : string.Join(", ", names.Order(StringComparer.Ordinal).Select(n => "{" + n + "}"));

    /// <summary>
    /// True for a key like <c>checkin.ask_pain_now</c>: two or more words of <c>a-z</c>, <c>0-9</c> and <c>_</c>
    /// joined by dots, the first starting with a letter, the others with a letter or digit. Checked by hand, not by a
    /// regular expression, so that loading the content does not load the regex engine into every bot process.
    /// </summary>
    internal static bool IsKey(string key)
    {
        var words = key.Split('.');
        if (words.Length < 2)
        {
            return false;
        }

        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (word.Length == 0 || word[0] == '_' || (i == 0 && !char.IsAsciiLetterLower(word[0])))
            {
                return false;
            }

            foreach (var c in word)
            {
                if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '_')
                {
                    return false;
                }
            }
        }

        return true;
    }
}
