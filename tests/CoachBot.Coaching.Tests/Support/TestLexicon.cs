using CoachBot.Coaching.Safety;

namespace CoachBot.Coaching.Tests.Support;

/// <summary>The real lexicon from content/safety (copied next to the test binary by the Cli project).</summary>
internal static class TestLexicon
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "content", "safety");

    public static SafetyLexicon Current { get; } = SafetyLexiconParser.Parse(Sources());

    public static IReadOnlyList<SafetyLexiconSource> Sources() =>
        Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => new SafetyLexiconSource(Path.GetFileName(f), File.ReadAllText(f)))
            .ToList();
}
