using System.Text.Json;
using CoachBot.Coaching.CheckIns;

namespace CoachBot.Coaching.Safety;

/// <summary>
/// Builds a <see cref="SafetyLexicon"/> from JSON documents (the files of content/safety) and checks it, so that bad
/// vocabulary stops start-up with an error naming the file and the entry. Each document names its <c>kind</c> and
/// <c>version</c>: one <c>normalisation</c>, one <c>notTriggers</c>, one <c>modifiers</c>, one <c>rules</c>, and one
/// or more <c>concepts</c>. No file I/O here: the caller reads the files.
/// </summary>
/// <remarks>
/// Checks: every list is non-empty; a concept name is defined once; every concept a rule or question names exists,
/// and every concept is used; rule ids are those of the rule table the screen reports (DS-1 to DS-3, RF-1 to RF-6),
/// a flag belongs to its rule id, and every flag and rule id has a rule; self-harm rules (DS-1, DS-2) list no
/// modifier that would silence them.
/// </remarks>
public static class SafetyLexiconParser
{
    /// <summary>The kinds every lexicon needs.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["normalisation", "notTriggers", "concepts", "modifiers", "rules"];

    private static readonly Dictionary<string, ConceptModifier> ModifierNames = new(StringComparer.Ordinal)
    {
        ["negated"] = ConceptModifier.Negated,
        ["otherPerson"] = ConceptModifier.OtherPerson,
        ["hypothetical"] = ConceptModifier.Hypothetical,
        ["historical"] = ConceptModifier.Historical,
    };

    /// <summary>Parses and checks the documents.</summary>
    /// <exception cref="SafetyLexiconException">A document is not JSON, a kind is missing or repeated, or an entry is wrong.</exception>
    public static SafetyLexicon Parse(IEnumerable<SafetyLexiconSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var opened = new List<JsonDocument>();
        try
        {
            var documents = new List<(string Kind, LexiconDocument Doc)>();
            foreach (var source in sources)
            {
                var json = ParseJson(source);
                opened.Add(json);
                var kind = LexiconDocument.RequiredString(source, json.RootElement, "kind");
                if (!Kinds.Contains(kind))
                {
                    throw new SafetyLexiconException($"{source.Name}: kind: unknown kind \"{kind}\"; expected one of {string.Join(", ", Kinds)}.");
                }

                if (kind != "concepts" && documents.Find(d => d.Kind == kind) is { Doc: not null } earlier)
                {
                    throw new SafetyLexiconException($"{source.Name}: kind: \"{kind}\" already came from {earlier.Doc.Source.Name}.");
                }

                documents.Add((kind, new LexiconDocument(source, json.RootElement)));
            }

            var missing = Kinds.Where(k => !documents.Exists(d => d.Kind == k)).ToList();
            if (missing.Count > 0)
            {
                throw new SafetyLexiconException($"safety lexicon: missing document kind(s): {string.Join(", ", missing)}.");
            }

            return Build(documents);
        }
        finally
        {
            opened.ForEach(d => d.Dispose());
        }
    }

    private static SafetyLexicon Build(List<(string Kind, LexiconDocument Doc)> documents)
    {
        LexiconDocument Single(string kind) => documents.First(d => d.Kind == kind).Doc;
        var normalisation = Single("normalisation");
        var rewrites = normalisation.Rewrites();
        var concepts = new Dictionary<string, Concept>(StringComparer.Ordinal);
        var conceptSource = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var doc in documents.Where(d => d.Kind == "concepts").Select(d => d.Doc))
        {
            foreach (var property in doc.Object(doc.Root, "concepts", "concepts").EnumerateObject())
            {
                var where = $"concepts.{property.Name}";
                if (conceptSource.TryGetValue(property.Name, out var first))
                {
                    throw doc.Error(where, $"concept already defined in {first}.");
                }

                concepts[property.Name] = new Concept(property.Name, doc.Phrases(property.Value, "terms", where + ".terms", rewrites));
                conceptSource[property.Name] = doc.Source.Name;
            }
        }

        var (triggers, terminators, ends, scope) = Modifiers(Single("modifiers"), rewrites);
        var (rules, questions) = Rules(Single("rules"), concepts);
        var idioms = Single("notTriggers");
        return new SafetyLexicon
        {
            Version = string.Join("+", documents.Select(d => $"{Path.GetFileNameWithoutExtension(d.Doc.Source.Name)}@{d.Doc.Version}").Order(StringComparer.Ordinal)),
            Concepts = concepts,
            Rules = rules,
            Questions = questions,
            Triggers = triggers,
            Terminators = terminators,
            OtherPersonEnds = ends,
            ModifierScope = scope,
            NotTriggers = idioms.Phrases(idioms.Root, "phrases", "phrases", rewrites),
            Rewrites = rewrites,
            NoFuzzy = normalisation.Words(normalisation.Root, "noFuzzy", "noFuzzy"),
            JoinWords = normalisation.Words(normalisation.Root, "joinWords", "joinWords"),
        };
    }

    private static (List<ModifierTrigger>, IReadOnlyList<LexiconPhrase>, IReadOnlySet<string>, int) Modifiers(
        LexiconDocument doc, IReadOnlyDictionary<string, IReadOnlyList<string>> rewrites)
    {
        var triggers = new List<ModifierTrigger>();
        triggers.AddRange(doc.Phrases(doc.Root, "pseudo", "pseudo", rewrites).Select(p => new ModifierTrigger(null, false, p)));
        var modifiers = doc.Object(doc.Root, "modifiers", "modifiers");
        foreach (var property in modifiers.EnumerateObject())
        {
            var where = $"modifiers.{property.Name}";
            if (!ModifierNames.TryGetValue(property.Name, out var modifier))
            {
                throw doc.Error(where, $"unknown modifier; expected one of {string.Join(", ", ModifierNames.Keys)}.");
            }

            triggers.AddRange(doc.Phrases(property.Value, "forward", where + ".forward", rewrites).Select(p => new ModifierTrigger(modifier, false, p)));
            if (property.Value.TryGetProperty("backward", out _))
            {
                triggers.AddRange(doc.Phrases(property.Value, "backward", where + ".backward", rewrites).Select(p => new ModifierTrigger(modifier, true, p)));
            }
        }

        foreach (var name in ModifierNames.Keys.Where(n => !modifiers.TryGetProperty(n, out _)))
        {
            throw doc.Error($"modifiers.{name}", "missing.");
        }

        var ends = doc.Words(doc.Object(modifiers, "otherPerson", "modifiers.otherPerson"), "endAt", "modifiers.otherPerson.endAt");
        return (triggers, doc.Phrases(doc.Root, "terminators", "terminators", rewrites), ends, doc.PositiveInt(doc.Root, "scope", "scope", null));
    }

    private static (List<ConceptRule>, List<SafetyQuestion>) Rules(LexiconDocument doc, IReadOnlyDictionary<string, Concept> concepts)
    {
        var window = doc.PositiveInt(doc.Root, "window", "window", null);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var rules = new List<ConceptRule>();
        var i = 0;
        foreach (var element in Array(doc, doc.Root, "rules"))
        {
            rules.Add(Rule(doc, element, $"rules[{i++}]", window, concepts, used));
        }

        var questions = new List<SafetyQuestion>();
        i = 0;
        foreach (var element in Array(doc, doc.Root, "questions"))
        {
            var where = $"questions[{i++}]";
            var name = LexiconDocument.RequiredString(doc.Source, element, "name");
            var key = element.TryGetProperty("ask", out var ask) && ask.GetString() is { Length: > 0 } k ? k : throw doc.Error(where + ".ask", "required message key.");
            var yes = element.TryGetProperty("ifYes", out var y) && y.ValueKind == JsonValueKind.Object ? y : throw doc.Error(where + ".ifYes", "required object with id and flag.");
            var target = Rule(doc, yes, where + ".ifYes", window, concepts, used, allowNoConcepts: true);
            var when = target with
            {
                Name = $"question: {name}",
                AllOf = Groups(doc, element, where, concepts, used),
                NoneOf = element.TryGetProperty("noneOf", out _) ? ConceptNames(doc, element, "noneOf", where + ".noneOf", concepts, used) : [],
                Window = doc.PositiveInt(element, "window", where + ".window", window),
                SilencedBy = new HashSet<ConceptModifier>(ModifierNames.Values),
            };
            questions.Add(new SafetyQuestion(name, when, key));
        }

        foreach (var rule in ScreenRuleIdsWithoutRule(rules))
        {
            throw doc.Error("rules", $"no rule reports {rule}.");
        }

        foreach (var unused in concepts.Keys.Where(c => !used.Contains(c)))
        {
            throw doc.Error("rules", $"concept \"{unused}\" is used by no rule or question.");
        }

        return (rules, questions);
    }

    private static IEnumerable<string> ScreenRuleIdsWithoutRule(List<ConceptRule> rules) =>
        SafetyLexicon.ScreenRuleIds.Where(id => !rules.Exists(r => r.Id == id))
            .Concat(SafetyLexicon.FlagRuleIds.Keys.Where(f => !rules.Exists(r => r.Flag == f)).Select(WireNames.ToWire));

    private static ConceptRule Rule(
        LexiconDocument doc, JsonElement element, string where, int window, IReadOnlyDictionary<string, Concept> concepts,
        HashSet<string> used, bool allowNoConcepts = false)
    {
        var id = LexiconDocument.RequiredString(doc.Source, element, "id") is var text && SafetyLexicon.ScreenRuleIds.Contains(text)
            ? text
            : throw doc.Error(where + ".id", $"expected one of {string.Join(", ", SafetyLexicon.ScreenRuleIds)}.");
        RedFlag? flag = null;
        if (element.TryGetProperty("flag", out var flagValue))
        {
            flag = flagValue.GetString() is { } wire && WireNames.TryParse(wire, out RedFlag parsed) && parsed != RedFlag.None
                ? parsed
                : throw doc.Error(where + ".flag", $"unknown red flag; expected one of {string.Join(", ", WireNames.RedFlagNames.Where(n => n != "none"))}.");
            if (SafetyLexicon.FlagRuleIds[flag.Value] != id)
            {
                throw doc.Error(where + ".flag", $"{flagValue.GetString()} belongs to {SafetyLexicon.FlagRuleIds[flag.Value]}, not {id}.");
            }
        }

        var crisis = SafetyLexicon.CrisisRuleIds.GetValueOrDefault(id);
        var silencedBy = new HashSet<ConceptModifier>(ModifierNames.Values);
        if (element.TryGetProperty("silencedBy", out _) || crisis != SelfHarmClass.None)
        {
            silencedBy = doc.Strings(element, "silencedBy", where + ".silencedBy", optional: true)
                .Select(m => ModifierNames.TryGetValue(m, out var mod) ? mod : throw doc.Error(where + ".silencedBy", $"unknown modifier \"{m}\"."))
                .ToHashSet();
        }

        if (crisis is SelfHarmClass.SelfHarm or SelfHarmClass.Imminent && silencedBy.Count > 0)
        {
            throw doc.Error(where + ".silencedBy", "nothing may silence self-harm language (DS-1, DS-2).");
        }

        return new ConceptRule
        {
            Id = id,
            Name = allowNoConcepts ? id : LexiconDocument.RequiredString(doc.Source, element, "name"),
            Flag = flag,
            Crisis = crisis,
            AllOf = allowNoConcepts ? [] : Groups(doc, element, where, concepts, used),
            NoneOf = element.TryGetProperty("noneOf", out _) ? ConceptNames(doc, element, "noneOf", where + ".noneOf", concepts, used) : [],
            Window = doc.PositiveInt(element, "window", where + ".window", window),
            SilencedBy = silencedBy,
        };
    }

    private static List<IReadOnlyList<string>> Groups(
        LexiconDocument doc, JsonElement element, string where, IReadOnlyDictionary<string, Concept> concepts, HashSet<string> used)
    {
        var groups = element.TryGetProperty("allOf", out var a) && a.ValueKind == JsonValueKind.Array && a.GetArrayLength() > 0
            ? a.EnumerateArray().ToList()
            : throw doc.Error(where + ".allOf", "required non-empty array of concept groups.");
        return groups.Select((g, i) => (IReadOnlyList<string>)ConceptNames(doc, g, null, $"{where}.allOf[{i}]", concepts, used)).ToList();
    }

    private static List<string> ConceptNames(
        LexiconDocument doc, JsonElement element, string? name, string where, IReadOnlyDictionary<string, Concept> concepts, HashSet<string> used)
    {
        var names = doc.Strings(element, name, where);
        for (var i = 0; i < names.Count; i++)
        {
            if (!concepts.ContainsKey(names[i]))
            {
                throw doc.Error($"{where}[{i}]", $"unknown concept \"{names[i]}\".");
            }

            used.Add(names[i]);
        }

        return names;
    }

    private static JsonElement.ArrayEnumerator Array(LexiconDocument doc, JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0
            ? value.EnumerateArray()
            : throw doc.Error(name, "required non-empty array.");

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
