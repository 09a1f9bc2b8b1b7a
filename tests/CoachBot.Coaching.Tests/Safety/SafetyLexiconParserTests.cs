using System.Text.Json.Nodes;
using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Safety;
using CoachBot.Coaching.Tests.Support;

namespace CoachBot.Coaching.Tests.Safety;

public class SafetyLexiconParserTests
{
    [Fact]
    public void Parse_ContentFiles_LoadsConceptsRulesModifiersAndQuestions()
    {
        var lexicon = TestLexicon.Current;

        Assert.Contains("saddleRegion", lexicon.Concepts.Keys);
        Assert.Contains("ideation", lexicon.Concepts.Keys);
        Assert.All(SafetyLexicon.ScreenRuleIds, id => Assert.Contains(lexicon.Rules, r => r.Id == id));
        Assert.All(Enum.GetValues<RedFlag>().Where(f => f != RedFlag.None), f => Assert.Contains(lexicon.Rules, r => r.Flag == f));
        Assert.All(lexicon.Rules.Where(r => r.Id is "DS-1" or "DS-2"), r => Assert.Empty(r.SilencedBy));
        Assert.All(Enum.GetValues<ConceptModifier>(), m => Assert.Contains(lexicon.Triggers, t => t.Modifier == m));
        Assert.NotEmpty(lexicon.Questions);
    }

    [Fact]
    public void Parse_MissingKind_NamesIt()
    {
        var sources = TestLexicon.Sources().Where(s => s.Name != "modifiers.json");

        var error = Assert.Throws<SafetyLexiconException>(() => SafetyLexiconParser.Parse(sources));

        Assert.Contains("modifiers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotJson_NamesTheFile()
    {
        var sources = TestLexicon.Sources().Select(s => s.Name == "rules.json" ? s with { Json = "{oops" } : s);

        var error = Assert.Throws<SafetyLexiconException>(() => SafetyLexiconParser.Parse(sources));

        Assert.StartsWith("rules.json:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownConceptInARule_NamesFileAndEntry()
    {
        var error = Assert.Throws<SafetyLexiconException>(() => Parse("rules.json", n => n["rules"]![0]!["allOf"]![0]![0] = "nope"));

        Assert.Equal("rules.json: rules[0].allOf[0][0]: unknown concept \"nope\".", error.Message);
    }

    [Fact]
    public void Parse_SelfHarmRuleSilencedByAModifier_IsRejected()
    {
        var error = Assert.Throws<SafetyLexiconException>(() => Parse("rules.json", n =>
        {
            var rule = n["rules"]!.AsArray().First(r => (string?)r!["id"] == "DS-2")!;
            rule["silencedBy"] = new JsonArray("negated");
        }));

        Assert.Contains("nothing may silence self-harm", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("rules.json: rules[", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FlagUnderTheWrongRuleId_IsRejected()
    {
        var error = Assert.Throws<SafetyLexiconException>(() => Parse("rules.json", n =>
        {
            var rule = n["rules"]!.AsArray().First(r => (string?)r!["flag"] == "fever")!;
            rule["id"] = "RF-3";
        }));

        Assert.Contains("fever belongs to RF-2, not RF-3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyTerms_NamesTheConcept()
    {
        var error = Assert.Throws<SafetyLexiconException>(() => Parse("concepts-red-flags.json", n => n["concepts"]!["fever"]!["terms"] = new JsonArray()));

        Assert.StartsWith("concepts-red-flags.json: concepts.fever.terms:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ConceptNoRuleUses_IsRejected()
    {
        var error = Assert.Throws<SafetyLexiconException>(() => Parse("concepts-red-flags.json", n => n["concepts"]!["spare"] = new JsonObject { ["terms"] = new JsonArray("spare") }));

        Assert.Contains("concept \"spare\" is used by no rule", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoRuleForARedFlag_IsRejected()
    {
        var error = Assert.Throws<SafetyLexiconException>(() => Parse("rules.json", n =>
        {
            var rules = n["rules"]!.AsArray();
            foreach (var rule in rules.Where(r => (string?)r!["flag"] == "night_pain").ToList())
            {
                rule!["flag"] = null;
                rule.AsObject().Remove("flag");
            }
        }));

        Assert.Contains("no rule reports night_pain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ShortPrefix_IsRejected()
    {
        var error = Assert.Throws<SafetyLexiconException>(() => Parse("concepts-crisis.json", n => n["concepts"]!["timing"]!["terms"]!.AsArray().Add("no*")));

        Assert.Contains("concepts.timing.terms[", error.Message, StringComparison.Ordinal);
    }

    private static SafetyLexicon Parse(string file, Action<JsonNode> change) =>
        SafetyLexiconParser.Parse(TestLexicon.Sources().Select(s =>
        {
            if (s.Name != file)
            {
                return s;
            }

            var node = JsonNode.Parse(s.Json)!;
            change(node);
            return s with { Json = node.ToJsonString() };
        }));
}
