using System.Globalization;
using System.Text;
using CoachBot.Coaching.Safety;
using CoachBot.Storage.Tests.Support;

// string.Normalize is banned in the product (it needs ICU); comparing with it is what these tests are for.
#pragma warning disable RS0030

namespace CoachBot.Coaching.Tests.Safety;

/// <summary>
/// The host runs without ICU (invariant globalization), so the safety screen decomposes accents with
/// <see cref="CanonicalDecomposition"/> instead of <c>string.Normalize</c>. This project
/// runs with ICU (see its project file) to hold the two to each other.
/// </summary>
public sealed class CanonicalDecompositionTests
{
    [Fact]
    public void ThisProcess_HasIcu()
    {
        Assert.NotEqual("\u00E9", "\u00E9".Normalize(NormalizationForm.FormD));
    }

    [Fact]
    public void EveryCodePoint_DecomposesAsIcuDoes()
    {
        var differences = new List<string>();
        for (var cp = 0; cp <= 0x10FFFF; cp++)
        {
            if (cp is >= 0xD800 and <= 0xDFFF || (cp & 0xFFFE) == 0xFFFE && cp <= 0xFFFF)
            {
                continue; // Normalize throws on lone surrogates and on U+FFFE/U+FFFF; the screen replaces them first
            }

            var text = char.ConvertFromUtf32(cp);
            var expected = text.Normalize(NormalizationForm.FormD);
            var actual = CanonicalDecomposition.Decompose(text);
            if (!string.Equals(expected, actual, StringComparison.Ordinal))
            {
                differences.Add($"U+{cp:X4}: ICU {Hex(expected)}, ours {Hex(actual)}");
            }
        }

        Assert.True(differences.Count == 0, $"{differences.Count} code points differ (run `dotnet run tools/unicode/generate-decompositions.cs`):\n{string.Join('\n', differences.Take(20))}");
    }

    [Fact]
    public void RandomText_WithoutCombiningMarks_IsWhatIcuGives()
    {
        // Marks are not put in canonical order (the screen removes the non-spacing ones): compare with them removed.
        var random = new Random(20261122);
        string[] pools =
        [
            "abcdeèéêëçñøåæœßÀÉÎÕÜŸĀăĄčĐęĞİıŁńŐřŚşŤůŰźŻžǍǕǺȘțḀḕṩẞỳ",
            "\u0300\u0301\u0302\u0303\u0308\u030A\u0327\u0328\u0345\u05B0\u0651\u093C\u0F71\u1DC0\u20D0",
            "άέήίόύώΐΰϊϋἀἁἂὰᾳῂῇῶЁЙйёЇїЎўӁӂӐӑ",
            "가각갂나다라마바사아자차카타파하힣",
            "ज़ड़ढ़ফ়ো\u0BCA\u0BCB\u0CC0\u0DDA\u0F43\u0F73\u1B06\u1B3B",
            "Å℃ΩKÅ〈〉\uF900\uFA10\uFB1D\uFB2A\uFB4E",
            "𝅗𝅥𝅘𝅥𝅮𝆹𝅥丽丸乁\U0002F81F\U00011099\U0001109A",
        ];
        for (var i = 0; i < 20_000; i++)
        {
            var builder = new StringBuilder();
            var length = random.Next(1, 12);
            for (var j = 0; j < length; j++)
            {
                var pool = pools[random.Next(pools.Length)];
                var runes = pool.EnumerateRunes().ToArray();
                builder.Append(runes[random.Next(runes.Length)].ToString());
            }

            var text = builder.ToString();
            Assert.Equal(WithoutNonSpacingMarks(text.Normalize(NormalizationForm.FormD)), WithoutNonSpacingMarks(CanonicalDecomposition.Decompose(text)));
        }
    }

    [Fact]
    public async Task TheGenerator_WritesTheTableAsCheckedIn()
    {
        var root = RepoRoot.Find();
        var output = Path.Combine(Path.GetTempPath(), $"decompositions-{Guid.NewGuid():N}.cs");
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("dotnet")
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[] { "run", Path.Combine("tools", "unicode", "generate-decompositions.cs"), "--", output })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = System.Diagnostics.Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await process.WaitForExitAsync(timeout.Token);

            Assert.True(process.ExitCode == 0, $"the generator failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
            var checkedIn = await File.ReadAllTextAsync(Path.Combine(root, "src", "CoachBot.Coaching", "Safety", "CanonicalDecomposition.Table.g.cs"));
            Assert.Equal(checkedIn, await File.ReadAllTextAsync(output));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Theory]
    [InlineData("plain ascii text 123")]
    [InlineData("")]
    public void TextWithNothingToDecompose_IsReturnedAsItIs(string text)
    {
        Assert.Same(text, CanonicalDecomposition.Decompose(text));
    }

    [Fact]
    public void LoneSurrogates_AreKept()
    {
        Assert.Equal("e\u0301\uD800x", CanonicalDecomposition.Decompose("é\uD800x"));
    }

    private static string WithoutNonSpacingMarks(string text) =>
        string.Concat(text.EnumerateRunes().Where(r => Rune.GetUnicodeCategory(r) != UnicodeCategory.NonSpacingMark).Select(r => r.ToString()));

    private static string Hex(string text) => string.Join(' ', text.EnumerateRunes().Select(r => $"U+{r.Value:X4}"));
}
