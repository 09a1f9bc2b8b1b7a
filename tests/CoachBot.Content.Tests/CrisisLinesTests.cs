using CoachBot.Content;
using CoachBot.Content.Tests.Support;

namespace CoachBot.Content.Tests;

public class CrisisLinesTests
{
    private static CrisisLines CreateSut() => ShippedContent.CrisisLines;

    [Fact]
    public void ForLocale_EnUs_Gives988AndEmergency911()
    {
        var set = CreateSut().ForLocale("en-US");

        Assert.Equal("US", set.CountryCode);
        Assert.Equal("911", set.EmergencyNumber);
        var line = Assert.Single(set.Lines);
        Assert.Equal("988", line.Number);
        Assert.True(line.CanText);
    }

    [Fact]
    public void ForLocale_EnGb_GivesSamaritansAndEmergency999()
    {
        var set = CreateSut().ForLocale("en-GB");

        Assert.Equal("999", set.EmergencyNumber);
        Assert.Equal("116 123", Assert.Single(set.Lines).Number);
        Assert.Contains("Samaritans", set.Lines[0].Name, StringComparison.Ordinal);
    }

    [Fact]
    public void ForLocale_EnIe_GivesSamaritansAnd112Or999()
    {
        var set = CreateSut().ForLocale("en-IE");

        Assert.Equal("112", set.EmergencyNumber);
        Assert.Equal(["112", "999"], set.EmergencyNumbers);
        Assert.Equal("116 123", Assert.Single(set.Lines).Number);
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("xx-ZZ")]
    [InlineData("en")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("not a locale")]
    public void ForLocale_UnknownOrMissingRegion_FallsBackToDefault112(string? locale)
    {
        var set = CreateSut().ForLocale(locale);

        Assert.True(set.IsDefault);
        Assert.Equal("112", set.EmergencyNumber);
    }

    [Theory]
    [InlineData("en_GB", "GB")]
    [InlineData("EN-gb", "GB")]
    [InlineData("ga-IE", "IE")]
    [InlineData("en-UK", "GB")]
    [InlineData("es-US", "US")]
    [InlineData("zh-Hans-US", "US")]
    public void ForLocale_OtherSpellings_ResolveByRegion(string locale, string country)
    {
        Assert.Equal(country, CreateSut().ForLocale(locale).CountryCode);
    }

    [Fact]
    public void ForCountry_AliasAndCase_Resolve()
    {
        Assert.Equal("GB", CreateSut().ForCountry("uk").CountryCode);
        Assert.True(CreateSut().ForCountry("DE").IsDefault);
    }

    [Fact]
    public void ToArguments_Us_RendersCallOrTextLine()
    {
        var args = CreateSut().ForLocale("en-US").ToArguments(ShippedContent.Messages);

        Assert.Equal("911", args["emergency_number"]);
        Assert.Contains("988", args["crisis_lines"], StringComparison.Ordinal);
        Assert.Equal(
            ShippedContent.Messages.Format(MessageKeys.Safety.CrisisLineItemText, new Dictionary<string, string> { ["line_name"] = "988 Suicide & Crisis Lifeline", ["line_number"] = "988" }),
            args["crisis_lines"]);
    }

    [Fact]
    public void ToArguments_Default_UsesNoLocalLineText()
    {
        var args = CreateSut().Default.ToArguments(ShippedContent.Messages);

        Assert.Equal(ShippedContent.Messages.Get(MessageKeys.Safety.CrisisLineNone), args["crisis_lines"]);
        Assert.Equal("112", args["emergency_number"]);
    }

    [Theory]
    [InlineData("en-US", "988", "911")]
    [InlineData("en-GB", "116 123", "999")]
    [InlineData("en-IE", "116 123", "112")]
    [InlineData("de-DE", null, "112")]
    public void CrisisMessages_EachLocale_FillEveryNumber(string locale, string? lineNumber, string emergency)
    {
        var messages = ShippedContent.Messages;
        var args = CreateSut().ForLocale(locale).ToArguments(messages);

        foreach (var key in new[] { MessageKeys.Safety.Crisis, MessageKeys.Safety.CrisisImminent, MessageKeys.Token.CrisisLine })
        {
            var text = messages.Format(key, args);

            Assert.Contains(emergency, text, StringComparison.Ordinal);
            if (lineNumber is not null)
            {
                Assert.Contains(lineNumber, text, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("{", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("""{ "countries": {} }""", "'default'")]
    [InlineData("""{ "default": { "emergencyNumbers": [] } }""", "'default': 'emergencyNumbers'")]
    [InlineData("""{ "default": { "emergencyNumbers": ["call 112"] } }""", "'default': 'emergencyNumbers'")]
    [InlineData("""{ "default": { "emergencyNumbers": ["112"] }, "countries": { "gb": { "emergencyNumbers": ["999"] } } }""", "'countries.gb'")]
    [InlineData("""{ "default": { "emergencyNumbers": ["112"] }, "countries": { "GB": { "emergencyNumbers": ["999"], "lines": [{ "name": "", "number": "116 123" }] } } }""", "'countries.GB' line 1")]
    [InlineData("""{ "default": { "emergencyNumbers": ["112"] }, "aliases": { "UK": "GB" } }""", "'aliases.UK'")]
    [InlineData("""{ "default": { "emergencyNumbers": ["112"], "emergency": "112" } }""", "not valid")]
    [InlineData("""not json""", "not valid")]
    public void Parse_BadData_ThrowsNamingTheProblem(string json, string fragment)
    {
        var ex = Assert.Throws<ContentException>(() => CrisisLines.Parse(json, "bad.json"));

        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
        Assert.Contains("bad.json", ex.Message, StringComparison.Ordinal);
    }
}
