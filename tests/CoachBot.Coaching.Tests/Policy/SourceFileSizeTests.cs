using CoachBot.Storage.Tests.Support;

namespace CoachBot.Coaching.Tests.Policy;

/// <summary>No hand-written source file of the shipped code is over 400 lines (docs/architecture.md): a class that grows past it is split.</summary>
public sealed class SourceFileSizeTests
{
    public const int MaxLines = 400;

    [Fact]
    public void ShippedSourceFiles_AreAtMost400Lines()
    {
        var repo = RepoRoot.Find();
        var tooLong = RuleTableIndexTests.SourceFiles("src", "dialogs")
            .Where(f => !f.EndsWith(".g.cs", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(repo, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.File}: {f.Lines} lines")
            .ToList();

        Assert.True(tooLong.Count == 0, string.Join("\n", tooLong));
    }
}
