using System.Text.Json;

namespace CoachBot.Coaching.Safety;

/// <summary>Reads the parts of one content/safety document, naming the source and the entry on any error.</summary>
internal sealed class LexiconDocument(SafetyLexiconSource source, JsonElement root)
{
    public SafetyLexiconSource Source => source;

    public JsonElement Root => root;

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

    /// <summary>Single words of a list (noFuzzy, joinWords, endAt), normalised.</summary>
    public IReadOnlySet<string> Words(JsonElement element, string name, string where)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var list = Strings(element, name, where);
        for (var i = 0; i < list.Count; i++)
        {
            var word = TextNormalizer.Word(list[i]);
            if (word.Length == 0 || word.Contains(' ', StringComparison.Ordinal))
            {
                throw Error($"{where}[{i}]", $"\"{list[i]}\" must be one word.");
            }

            words.Add(word);
        }

        return words;
    }

    /// <summary>The phrases of a list, normalised with the rewrites.</summary>
    public IReadOnlyList<LexiconPhrase> Phrases(JsonElement element, string name, string where, IReadOnlyDictionary<string, IReadOnlyList<string>> rewrites)
    {
        var list = Strings(element, name, where);
        return list.Select((p, i) => Phrase(p, $"{where}[{i}]", rewrites)).ToList();
    }

    public LexiconPhrase Phrase(string text, string where, IReadOnlyDictionary<string, IReadOnlyList<string>> rewrites)
    {
        var tokens = new List<string>();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word is PhraseMatcher.Wildcard or PhraseMatcher.Number)
            {
                tokens.Add(word);
            }
            else if (word.Length > 1 && word.EndsWith('*'))
            {
                var stem = TextNormalizer.Word(word[..^1]);
                tokens.Add(stem.Length >= 3 && !stem.Contains(' ', StringComparison.Ordinal)
                    ? stem + "*"
                    : throw Error(where, $"\"{word}\": a word ending in * needs at least 3 letters before it."));
            }
            else
            {
                tokens.AddRange(TextNormalizer.Tokens(word, rewrites));
            }
        }

        return tokens.Count > 0 && tokens.Exists(t => t is not PhraseMatcher.Wildcard and not PhraseMatcher.Number)
            ? new LexiconPhrase(text, tokens)
            : throw Error(where, $"\"{text}\" has no words.");
    }

    public JsonElement Object(JsonElement element, string name, string where) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw Error(where, "required object.");

    public int PositiveInt(JsonElement element, string name, string where, int? fallback)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return fallback ?? throw Error(where, "required whole number above 0.");
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number > 0
            ? number
            : throw Error(where, "must be a whole number above 0.");
    }

    public List<string> Strings(JsonElement element, string? name, string where, bool optional = false)
    {
        var present = name is null || element.TryGetProperty(name, out _);
        if (optional && !present)
        {
            return [];
        }

        var array = name is null ? element : element.TryGetProperty(name, out var v) ? v : default;
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
        {
            throw Error(where, "required non-empty array of strings.");
        }

        return array.EnumerateArray()
            .Select((item, i) => item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } s ? s : throw Error($"{where}[{i}]", "must be a non-empty string."))
            .ToList();
    }

    public SafetyLexiconException Error(string where, string message) => new($"{source.Name}: {where}: {message}");
}
