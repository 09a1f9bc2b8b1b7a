using System.Text.Json;

namespace CoachBot.Coaching.Safety;

/// <summary>Reads the parts of one lexicon document, naming the source and field on any error.</summary>
internal sealed class LexiconDocument(SafetyLexiconSource source, JsonElement root)
{
    public string Version { get; } = RequiredString(source, root, "version");

    public static string RequiredString(SafetyLexiconSource source, JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new SafetyLexiconException($"{source.Name}: {name}: required non-empty string.");

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Rewrites()
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var property in Object(root, "rewrites", "rewrites").EnumerateObject())
        {
            var key = TextNormalizer.Word(property.Name);
            var value = property.Value.ValueKind == JsonValueKind.String ? TextNormalizer.Tokens(property.Value.GetString()) : [];
            if (key.Length == 0 || key.Contains(' ', StringComparison.Ordinal) || value.Count == 0)
            {
                throw Error($"rewrites.{property.Name}", "a rewrite maps one word to one or more words.");
            }

            result[key] = value;
        }

        return result;
    }

    public IEnumerable<string> Words(string name) => Strings(root, name, name).Select(TextNormalizer.Word);

    public IReadOnlyList<LexiconEntry> Entries(string path, IReadOnlyDictionary<string, IReadOnlyList<string>> rewrites)
    {
        var element = path.Length == 0 ? root : Navigate(path);
        var prefix = path.Length == 0 ? string.Empty : path + ".";
        var entries = Strings(element, "phrases", prefix + "phrases")
            .Select((p, i) => new LexiconEntry([[Phrase(p, $"{prefix}phrases[{i}]", rewrites)]]))
            .ToList();
        if (element.TryGetProperty("combinations", out var combinations))
        {
            var i = 0;
            foreach (var combination in combinations.EnumerateArray())
            {
                var where = $"{prefix}combinations[{i++}].allOf";
                var groups = combination.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array
                    ? allOf.EnumerateArray().Select((g, j) => (IReadOnlyList<LexiconPhrase>)Strings(g, null, $"{where}[{j}]")
                        .Select(p => Phrase(p, $"{where}[{j}]", rewrites)).ToList()).ToList()
                    : throw Error(where, "required array of phrase groups.");
                entries.Add(groups.Count > 0 ? new LexiconEntry(groups) : throw Error(where, "must not be empty."));
            }
        }

        return entries;
    }

    public void RejectUnknownFlags(IReadOnlyList<string> known)
    {
        foreach (var property in Object(root, "flags", "flags").EnumerateObject())
        {
            if (!known.Contains(property.Name) || property.Name == "none")
            {
                throw Error($"flags.{property.Name}", $"unknown red flag; expected one of {string.Join(", ", known.Where(k => k != "none"))}.");
            }
        }
    }

    private LexiconPhrase Phrase(string text, string where, IReadOnlyDictionary<string, IReadOnlyList<string>> rewrites)
    {
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(w => w == PhraseMatcher.Wildcard ? [PhraseMatcher.Wildcard] : TextNormalizer.Tokens(w, rewrites))
            .ToList();
        return tokens.Count > 0 && tokens.Exists(t => t != PhraseMatcher.Wildcard)
            ? new LexiconPhrase(text, tokens)
            : throw Error(where, $"phrase \"{text}\" has no words.");
    }

    private JsonElement Navigate(string path)
    {
        var element = root;
        foreach (var part in path.Split('.'))
        {
            element = Object(element, part, path);
        }

        return element;
    }

    private JsonElement Object(JsonElement element, string name, string where) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw Error(where, "required object.");

    private List<string> Strings(JsonElement element, string? name, string where)
    {
        var array = name is null ? element : element.TryGetProperty(name, out var v) ? v : default;
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
        {
            throw Error(where, "required non-empty array of strings.");
        }

        return array.EnumerateArray()
            .Select(item => item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } s ? s : throw Error(where, "every item must be a non-empty string."))
            .ToList();
    }

    private SafetyLexiconException Error(string where, string message) => new($"{source.Name}: {where}: {message}");
}
