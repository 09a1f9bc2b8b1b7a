using CoachBot.Content.Generators;

namespace CoachBot.Content.Tests;

public sealed class MessageKeysGeneratorTests
{
    [Fact]
    public void Parse_ReadsStringsAndVariantsInFileOrder()
    {
        var entries = CatalogFile.Parse("""{ "b.two": ["x", "y \"quoted\""], "a.one": "z\u00e9" }""");

        Assert.Equal(["b.two", "a.one"], entries.Select(e => e.Key));
        Assert.Equal(["x", "y \"quoted\""], entries[0].Variants);
        Assert.Equal(["z\u00e9"], entries[1].Variants);
    }

    [Theory]
    [InlineData("""{ "a.one": 3 }""", "line 1")]
    [InlineData("{ \"a.one\": \"x\",\n \"a.two\" \"y\" }", "line 2: ':' expected")]
    [InlineData("""{ "a.one": "never closed }""", "does not end")]
    public void Parse_MalformedCatalog_SaysWhereAndWhat(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => CatalogFile.Parse(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NamesConstantsAfterTheKey()
    {
        var source = MessageKeysSource.Render(CatalogFile.Parse("""{ "welcome.what_i_do": ["a {name}", "b"], "card.reason.not_steady_yet": "c" }"""));

        Assert.Contains("public static class Welcome", source, StringComparison.Ordinal);
        Assert.Contains("public const string WhatIDo = \"welcome.what_i_do\";", source, StringComparison.Ordinal);
        Assert.Contains("2 variants. Placeholders: <c>{name}</c>.", source, StringComparison.Ordinal);
        Assert.Contains("public const string ReasonNotSteadyYet = \"card.reason.not_steady_yet\";", source, StringComparison.Ordinal);
        Assert.Contains("Card.ReasonNotSteadyYet,", source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "a.one_two": "x", "a.one.two": "y" }""", "give the same name A.OneTwo")]
    [InlineData("""{ "nogroup": "x" }""", "not of the form")]
    [InlineData("""{ "a.Upper": "x" }""", "not of the form")]
    public void Render_KeysThatCannotBeNamed_AreRefused(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => MessageKeysSource.Render(CatalogFile.Parse(json)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GeneratedKeys_AreTheShippedCatalogsKeys()
    {
        var shipped = CatalogFile.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "content", "messages", "en.json")));

        Assert.Equal(shipped.Select(e => e.Key), MessageKeys.All);
    }
}
