using CoachBot.Content;

namespace CoachBot.Content.Tests;

public class ContentCatalogTests
{
    private const string Json = """
        {
          "checkin.ask_pain_now": "How bad is your pain now?",
          "checkin.greeting": ["Hi {name}.", "Hello {name}!", "Hey {name}, time to check in."],
          "safety.call": "Call {emergency_number} now, {name}.",
          "text.braces": "Use {{braces}} like this."
        }
        """;

    private static ContentCatalog CreateSut() => ContentCatalog.Parse(Json, "en", "test.json");

    private static Dictionary<string, string> Args(params (string Name, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);

    [Fact]
    public void Get_KnownKey_ReturnsText()
    {
        Assert.Equal("How bad is your pain now?", CreateSut().Get("checkin.ask_pain_now"));
    }

    [Fact]
    public void Get_MissingKey_ThrowsNamingTheKey()
    {
        var ex = Assert.Throws<ContentException>(() => CreateSut().Get("checkin.no_such_key"));

        Assert.Contains("'checkin.no_such_key'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_KeyWithPlaceholders_ThrowsInsteadOfShowingRawPlaceholder()
    {
        var ex = Assert.Throws<ContentException>(() => CreateSut().Get("safety.call"));

        Assert.Contains("'safety.call'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("{emergency_number}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("{name}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_AllPlaceholdersGiven_FillsThem()
    {
        var text = CreateSut().Format("safety.call", Args(("emergency_number", "999"), ("name", "Sam")));

        Assert.Equal("Call 999 now, Sam.", text);
    }

    [Fact]
    public void Format_ExtraArguments_AreIgnored()
    {
        var text = CreateSut().Format("checkin.ask_pain_now", Args(("name", "Sam")));

        Assert.Equal("How bad is your pain now?", text);
    }

    [Fact]
    public void Format_MissingPlaceholderValue_ThrowsNamingKeyAndPlaceholder()
    {
        var ex = Assert.Throws<ContentException>(() => CreateSut().Format("safety.call", Args(("name", "Sam"))));

        Assert.Contains("'safety.call'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("{emergency_number}", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("{name}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_DoubledBraces_RenderAsLiteralBraces()
    {
        Assert.Equal("Use {braces} like this.", CreateSut().Get("text.braces"));
        Assert.Empty(CreateSut().GetPlaceholders("text.braces"));
    }

    [Fact]
    public void Format_SameSeed_PicksSameVariant()
    {
        var sut = CreateSut();
        var args = Args(("name", "Sam"));

        var first = sut.Format("checkin.greeting", args, 12345);
        var second = sut.Format("checkin.greeting", args, 12345);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Format_SeedsAcrossRange_ReachEveryVariantIncludingNegativeSeeds()
    {
        var sut = CreateSut();
        var args = Args(("name", "Sam"));

        var seen = new[] { 0, 1, 2, -1, -2, int.MinValue, int.MaxValue }
            .Select(seed => sut.Format("checkin.greeting", args, seed))
            .ToHashSet();

        Assert.Equal(3, seen.Count);
        Assert.Contains("Hi Sam.", seen);
        Assert.Contains("Hello Sam!", seen);
        Assert.Contains("Hey Sam, time to check in.", seen);
    }

    [Fact]
    public void Format_SeedZero_PicksFirstVariant()
    {
        Assert.Equal("Hi Sam.", CreateSut().Format("checkin.greeting", Args(("name", "Sam"))));
    }

    [Fact]
    public void GetPlaceholders_KeyWithTwo_ReturnsBoth()
    {
        Assert.Equal(["emergency_number", "name"], CreateSut().GetPlaceholders("safety.call").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Keys_ListsEveryKeyInOrdinalOrder()
    {
        Assert.Equal(["checkin.ask_pain_now", "checkin.greeting", "safety.call", "text.braces"], CreateSut().Keys);
    }

    [Fact]
    public void StableSeed_KnownText_MatchesFnv1aReferenceValue()
    {
        // FNV-1a 32-bit of "abc" is 0x1A47E90B.
        Assert.Equal(0x1A47E90B, ContentCatalog.StableSeed("abc"));
        Assert.Equal(ContentCatalog.StableSeed("conv-1/7"), ContentCatalog.StableSeed("conv-1/7"));
        Assert.True(ContentCatalog.StableSeed("\uFFFF\uFFFF\uFFFF") >= 0);
    }

    [Fact]
    public void Validate_AllRequiredKeysPresent_DoesNotThrow()
    {
        var sut = CreateSut();

        sut.Validate(["checkin.ask_pain_now", "safety.call"]);

        Assert.Empty(sut.FindProblems(["checkin.ask_pain_now"]));
    }

    [Fact]
    public void Validate_MissingKeys_ThrowsListingEveryMissingKey()
    {
        var ex = Assert.Throws<ContentException>(() => CreateSut().Validate(["checkin.ask_pain_now", "a.one", "b.two", "a.one"]));

        Assert.Equal(2, ex.Problems.Count);
        Assert.Contains("'a.one'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'b.two'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "a.b": ["Hi {name}.", "Hello."] }""", "'a.b' variant 2")]
    [InlineData("""{ "a.b": "Hi {Name}." }""", "'a.b'")]
    [InlineData("""{ "a.b": "Hi {name." }""", "malformed placeholder")]
    [InlineData("""{ "a.b": "Hi name}." }""", "unmatched '}'")]
    [InlineData("""{ "NoDots": "Hi." }""", "'NoDots'")]
    [InlineData("""{ "a.b": 3 }""", "'a.b': the value must be a text")]
    [InlineData("""{ "a.b": [] }""", "'a.b': the value must be a text")]
    [InlineData("""{ "a.b": ["Hi", 2] }""", "'a.b': the value must be a text")]
    [InlineData("""{ "a.b": " " }""", "'a.b': the text is empty")]
    [InlineData("""{ "a.b": "Hi.", "a.b": "Hello." }""", "appears more than once")]
    [InlineData("""{ "a.b": { "c": "Hi." } }""", "'a.b': the value must be a text")]
    public void Parse_BadCatalog_ThrowsNamingTheProblem(string json, string expectedFragment)
    {
        var ex = Assert.Throws<ContentException>(() => ContentCatalog.Parse(json, "en", "bad.json"));

        Assert.Contains(expectedFragment, ex.Message, StringComparison.Ordinal);
        Assert.Contains("bad.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsAllAtOnce()
    {
        var ex = Assert.Throws<ContentException>(() => ContentCatalog.Parse("""{ "a.b": "", "c.d": 1, "e.f": "Fine." }"""));

        Assert.Equal(2, ex.Problems.Count);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[\"a\"]")]
    public void Parse_NotAJsonObject_ThrowsContentException(string json)
    {
        var ex = Assert.Throws<ContentException>(() => ContentCatalog.Parse(json, "en", "bad.json"));

        Assert.Contains("bad.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingThePath()
    {
        using var temp = new Support.TempContent();

        var ex = Assert.Throws<ContentException>(() => ContentCatalog.Load(temp.Root, "fr"));

        Assert.Contains(Path.Combine("messages", "fr.json"), ex.Message, StringComparison.Ordinal);
    }
}
