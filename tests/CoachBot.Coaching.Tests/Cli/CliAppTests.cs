using System.Text.Json;
using CoachBot.Cli;
using CoachBot.Coaching.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace CoachBot.Coaching.Tests.Cli;

public class CliAppTests
{
    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, input, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task RunAsync_DecideObject_WritesOneDecisionObject()
    {
        var (code, stdout, stderr) = await RunAsync(CheckInBuilder.Merge("""{"painNow":9}"""), "decide");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(JsonValueKind.Object, json.ValueKind);
        Assert.Equal("pause", json.GetProperty("decision").GetString());
        Assert.Equal("urgent", json.GetProperty("escalation").GetString());
        Assert.Equal(["see a doctor today"], json.GetProperty("mustMention").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["PM-1"], json.GetProperty("rules").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["decision", "escalation", "mustMention", "rules"], json.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task RunAsync_DecideArray_WritesAnArrayInOrder()
    {
        var stdin = $"[{CheckInBuilder.CalmJson},{CheckInBuilder.Merge("""{"redFlags":["saddle_numbness"]}""")}]";

        var (code, stdout, _) = await RunAsync(stdin, "decide");

        Assert.Equal(0, code);
        var items = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(["progress", "pause"], items.Select(i => i.GetProperty("decision").GetString()));
        Assert.Equal(["none", "emergency"], items.Select(i => i.GetProperty("escalation").GetString()));
    }

    [Theory]
    [InlineData("""{"painNow":11}""", "painNow")]
    [InlineData("""{"painTrendVsLastWeek":"meh"}""", "painTrendVsLastWeek")]
    [InlineData("""{"redFlags":["headache"]}""", "redFlags[0]")]
    [InlineData("""{"inFlareUp":"no"}""", "inFlareUp")]
    [InlineData("""{"radiatesBelowKnee":null}""", "radiatesBelowKnee")]
    public async Task RunAsync_InvalidObject_ExitsTwoNamingFieldWithEmptyStdout(string overrides, string field)
    {
        var (code, stdout, stderr) = await RunAsync(CheckInBuilder.Merge(overrides), "decide");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(field + ":", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{painNow: 3}")]
    [InlineData("[{},")]
    public async Task RunAsync_NotJson_ExitsTwoWithEmptyStdout(string stdin)
    {
        var (code, stdout, stderr) = await RunAsync(stdin, "decide");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("not valid JSON", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ArrayWithOneBadElement_PrintsNothingAndNamesIndex()
    {
        var stdin = $"[{CheckInBuilder.CalmJson},{CheckInBuilder.CalmJson.Replace("\"painNow\":1", "\"painNow\":11", StringComparison.Ordinal)}]";

        var (code, stdout, stderr) = await RunAsync(stdin, "decide");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("[1].painNow", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingRequiredField_NamesIt()
    {
        var stdin = CheckInBuilder.CalmJson.Replace("\"inFlareUp\":false,", string.Empty, StringComparison.Ordinal);

        var (code, stdout, stderr) = await RunAsync(stdin, "decide");

        Assert.Equal((2, string.Empty), (code, stdout));
        Assert.Contains("inFlareUp: required", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("frobnicate")]
    [InlineData("decide", "--fast")]
    public async Task RunAsync_UnknownCommandOrArguments_ExitsTwoWithUsage(params string[] args)
    {
        var (code, stdout, stderr) = await RunAsync(CheckInBuilder.CalmJson, args);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.False(string.IsNullOrWhiteSpace(stderr));
    }

    [Fact]
    public async Task RunAsync_Help_PrintsUsageToStdout()
    {
        var (code, stdout, _) = await RunAsync(string.Empty, "--help");

        Assert.Equal(0, code);
        Assert.Contains("decide", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ContentRootWithoutSafety_ExitsOneWithTheKey()
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Content:Root"] = Path.Combine(Path.GetTempPath(), "no-such-content-" + Guid.NewGuid()) })
            .Build();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CliApp.RunAsync(["decide"], new StringReader(CheckInBuilder.CalmJson), output, error, config);

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output.ToString());
        Assert.Contains("Content:Root", error.ToString(), StringComparison.Ordinal);
    }
}
