using System.Text.Json;
using CoachBot.Coaching.CheckIns;

namespace CoachBot.Coaching.Safety;

/// <summary>
/// Builds a <see cref="SafetyLexicon"/> from JSON documents (the files of content/safety). Each document names its
/// <c>kind</c> and <c>version</c>; every kind must be present exactly once, every list must be non-empty, and every
/// red flag except <c>none</c> needs phrases. No file I/O here: the caller reads the files.
/// </summary>
/// <remarks>
/// Kinds and shapes: <c>normalisation</c> { rewrites: {word: "words"}, noFuzzy: [word] };
/// <c>selfHarm</c>, <c>imminence</c>, <c>distress</c>, <c>notTriggers</c>, <c>aorticEmergency</c>
/// { phrases: [phrase], combinations: [{ allOf: [[phrase]] }] };
/// <c>redFlags</c> { flags: { wire_value: { phrases, combinations } } }.
/// A phrase is plain words; <c>*</c> stands for 0-2 words.
/// </remarks>
public static class SafetyLexiconParser
{
    /// <summary>The kinds every lexicon needs, in version-string order.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        ["normalisation", "selfHarm", "imminence", "distress", "notTriggers", "redFlags", "aorticEmergency"];

    /// <summary>Parses and checks the documents.</summary>
    /// <exception cref="SafetyLexiconException">A document is not JSON, a kind is missing or repeated, or a list is empty.</exception>
    public static SafetyLexicon Parse(IEnumerable<SafetyLexiconSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var documents = new Dictionary<string, (SafetyLexiconSource Source, JsonDocument Doc)>(StringComparer.Ordinal);
        try
        {
            foreach (var source in sources)
            {
                var doc = ParseJson(source);
                var kind = LexiconDocument.RequiredString(source, doc.RootElement, "kind");
                if (!Kinds.Contains(kind))
                {
                    doc.Dispose();
                    throw new SafetyLexiconException($"{source.Name}: kind: unknown kind \"{kind}\"; expected one of {string.Join(", ", Kinds)}.");
                }

                if (!documents.TryAdd(kind, (source, doc)))
                {
                    doc.Dispose();
                    throw new SafetyLexiconException($"{source.Name}: kind: \"{kind}\" already came from {documents[kind].Source.Name}.");
                }
            }

            var missing = Kinds.Where(k => !documents.ContainsKey(k)).ToList();
            if (missing.Count > 0)
            {
                throw new SafetyLexiconException($"safety lexicon: missing document kind(s): {string.Join(", ", missing)}.");
            }

            return Build(documents.ToDictionary(d => d.Key, d => new LexiconDocument(d.Value.Source, d.Value.Doc.RootElement)));
        }
        finally
        {
            foreach (var (_, doc) in documents.Values)
            {
                doc.Dispose();
            }
        }
    }

    private static SafetyLexicon Build(Dictionary<string, LexiconDocument> docs)
    {
        var normalisation = docs["normalisation"];
        var rewrites = normalisation.Rewrites();
        var noFuzzy = normalisation.Words("noFuzzy").ToHashSet(StringComparer.Ordinal);
        var flagDoc = docs["redFlags"];
        var flags = new Dictionary<RedFlag, IReadOnlyList<LexiconEntry>>();
        foreach (var wire in WireNames.RedFlagNames.Where(n => n != "none"))
        {
            if (!WireNames.TryParse(wire, out RedFlag flag))
            {
                throw new InvalidOperationException($"Red flag wire name {wire} does not parse.");
            }

            flags[flag] = flagDoc.Entries($"flags.{wire}", rewrites);
        }

        flagDoc.RejectUnknownFlags(WireNames.RedFlagNames);
        return new SafetyLexicon
        {
            Version = string.Join("+", Kinds.Select(k => $"{k}@{docs[k].Version}")),
            SelfHarm = docs["selfHarm"].Entries(string.Empty, rewrites),
            Imminence = docs["imminence"].Entries(string.Empty, rewrites),
            Distress = docs["distress"].Entries(string.Empty, rewrites),
            NotTriggers = docs["notTriggers"].Entries(string.Empty, rewrites),
            RedFlags = flags,
            AorticEmergency = docs["aorticEmergency"].Entries(string.Empty, rewrites),
            Rewrites = rewrites,
            NoFuzzy = noFuzzy,
        };
    }

    private static JsonDocument ParseJson(SafetyLexiconSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            var doc = JsonDocument.Parse(source.Json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                doc.Dispose();
                throw new SafetyLexiconException($"{source.Name}: expected a JSON object at the top.");
            }

            return doc;
        }
        catch (JsonException ex)
        {
            throw new SafetyLexiconException($"{source.Name}: not valid JSON ({ex.Message})", ex);
        }
    }
}
