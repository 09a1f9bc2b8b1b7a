using System.Text.Json.Nodes;
using CoachBot.Coaching.Safety;
using CoachBot.Coaching.Tests.Support;

namespace CoachBot.Coaching.Tests.Safety;

public class SafetyLexiconParserTests
{
    [Fact]
    public void Parse_ContentFiles_LoadsEveryKindAndFlag()
    {
        var lexicon = TestLexicon.Current;

        Assert.NotEmpty(lexicon.SelfHarm);
        Assert.NotEmpty(lexicon.Imminence);
        Assert.NotEmpty(lexicon.Distress);
        Assert.NotEmpty(lexicon.NotTriggers);
        Assert.NotEmpty(lexicon.AorticEmergency);
        Assert.Equal(8, lexicon.RedFlags.Count);
        Assert.All(lexicon.RedFlags.Values, Assert.NotEmpty);
    }

    [Fact]
    public void Parse_MissingKind_NamesIt()
    {
        var sources = TestLexicon.Sources().Where(s => s.Name != "distress.json");

        var error = Assert.Throws<SafetyLexiconException>(() => SafetyLexiconParser.Parse(sources));

        Assert.Contains("distress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotJson_NamesTheFile()
    {
        var sources = TestLexicon.Sources().Select(s => s.Name == "self-harm.json" ? s with { Json = "{oops" } : s);

        var error = Assert.Throws<SafetyLexiconException>(() => SafetyLexiconParser.Parse(sources));

        Assert.StartsWith("self-harm.json:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("red-flags.json", "flags.fever")]
    [InlineData("self-harm.json", "phrases")]
    public void Parse_EmptyList_NamesTheField(string file, string field)
    {
        var sources = TestLexicon.Sources().Select(s => s.Name == file ? s with { Json = Empty(s.Json, field) } : s);

        var error = Assert.Throws<SafetyLexiconException>(() => SafetyLexiconParser.Parse(sources));

        Assert.Contains($"{file}: {field}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownRedFlag_IsRejected()
    {
        var sources = TestLexicon.Sources().Select(s =>
        {
            if (s.Name != "red-flags.json")
            {
                return s;
            }

            var node = JsonNode.Parse(s.Json)!;
            node["flags"]!["headache"] = new JsonObject { ["phrases"] = new JsonArray("head hurts") };
            return s with { Json = node.ToJsonString() };
        });

        var error = Assert.Throws<SafetyLexiconException>(() => SafetyLexiconParser.Parse(sources));

        Assert.Contains("flags.headache", error.Message, StringComparison.Ordinal);
    }

    private static string Empty(string json, string path)
    {
        var node = JsonNode.Parse(json)!;
        var target = path.Split('.').Aggregate(node, (n, part) => n[part]!);
        if (target is JsonObject obj)
        {
            obj["phrases"] = new JsonArray();
        }
        else
        {
            node[path] = new JsonArray();
        }

        return node.ToJsonString();
    }
}
