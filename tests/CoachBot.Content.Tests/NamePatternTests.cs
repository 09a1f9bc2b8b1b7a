using System.Text.RegularExpressions;
using CoachBot.Content;

namespace CoachBot.Content.Tests;

/// <summary>
/// Message keys and lesson file names are checked by hand (no regex engine at start-up). These tests hold the hand
/// checks to the patterns they replaced, written here as regular expressions: fixed cases, then many random names.
/// </summary>
public class NamePatternTests
{
    private static readonly Regex KeyPattern = new(@"^[a-z][a-z0-9_]*(\.[a-z0-9][a-z0-9_]*)+$", RegexOptions.CultureInvariant);
    private static readonly Regex LessonPattern = new(@"^(?<number>[0-9]{2})-(?<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.md$", RegexOptions.CultureInvariant);

    [Theory]
    [InlineData("checkin.ask_pain_now", true)]
    [InlineData("a.b", true)]
    [InlineData("red_flags.q1.2nd", true)]
    [InlineData("checkin", false)]
    [InlineData("Checkin.ask", false)]
    [InlineData("1checkin.ask", false)]
    [InlineData("_checkin.ask", false)]
    [InlineData("checkin._ask", false)]
    [InlineData("checkin..ask", false)]
    [InlineData("checkin.ask.", false)]
    [InlineData(".checkin.ask", false)]
    [InlineData("checkin.ask-now", false)]
    [InlineData("checkin.ask now", false)]
    [InlineData("", false)]
    public void IsKey_AgreesWithThePattern(string key, bool expected)
    {
        Assert.Equal(expected, ContentCatalog.IsKey(key));
        Assert.Equal(expected, KeyPattern.IsMatch(key));
    }

    [Theory]
    [InlineData("01-short-slug.md", 1, "short-slug")]
    [InlineData("12-sleep-and-pain.md", 12, "sleep-and-pain")]
    [InlineData("07-x2.md", 7, "x2")]
    [InlineData("1-short.md", 0, null)]
    [InlineData("001-short.md", 0, null)]
    [InlineData("01-Short.md", 0, null)]
    [InlineData("01--short.md", 0, null)]
    [InlineData("01-short-.md", 0, null)]
    [InlineData("01-.md", 0, null)]
    [InlineData("01_short.md", 0, null)]
    [InlineData("01-short.MD", 0, null)]
    [InlineData("01-short.md.bak", 0, null)]
    [InlineData("01-sh_ort.md", 0, null)]
    public void TryParseFileName_AgreesWithThePattern(string fileName, int number, string? slug)
    {
        var parsed = LessonCatalog.TryParseFileName(fileName, out var n, out var s);
        Assert.Equal(slug is not null, parsed);
        Assert.Equal(slug is not null, LessonPattern.IsMatch(fileName));
        if (slug is not null)
        {
            Assert.Equal(number, n);
            Assert.Equal(slug, s);
        }
    }

    [Fact]
    public void RandomNames_HandChecksAndPatternsAgree()
    {
        const string KeyAlphabet = "ab1_.-Z ";
        const string LessonAlphabet = "0a1-_.mdM";
        var random = new Random(20261122);
        for (var i = 0; i < 50_000; i++)
        {
            var key = RandomString(random, KeyAlphabet, random.Next(0, 9));
            Assert.True(ContentCatalog.IsKey(key) == KeyPattern.IsMatch(key), $"key '{key}'");

            var name = RandomString(random, "01", 2) + RandomString(random, LessonAlphabet, random.Next(0, 8)) + (random.Next(2) == 0 ? ".md" : string.Empty);
            var match = LessonPattern.Match(name);
            Assert.True(LessonCatalog.TryParseFileName(name, out var number, out var slug) == match.Success, $"file name '{name}'");
            if (match.Success)
            {
                Assert.Equal(int.Parse(match.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture), number);
                Assert.Equal(match.Groups["slug"].Value, slug);
            }
        }
    }

    private static string RandomString(Random random, string alphabet, int length) =>
        string.Create(length, (random, alphabet), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
            }
        });
}
