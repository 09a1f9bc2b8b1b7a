using BenchmarkDotNet.Attributes;
using CoachBot.Coaching.Safety;

namespace CoachBot.Benchmarks;

/// <summary>Screening one message with the real content/safety vocabulary: an ordinary one, a red flag, a crisis.</summary>
[MemoryDiagnoser]
public class SafetyScreenBenchmarks
{
    private SafetyLexicon? _lexicon;

    /// <summary>The message screened.</summary>
    [Params(
        "my back was a bit stiff after gardening but I feel fine today",
        "sharp pain down my leg and numbness around my groin",
        "I've got tablets saved and tonight's the night")]
    public string Message { get; set; } = string.Empty;

    /// <summary>Loads the vocabulary from content/safety.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "safety");
        _lexicon = SafetyLexiconParser.Parse(Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => new SafetyLexiconSource(Path.GetFileName(f), File.ReadAllText(f))));
    }

    /// <summary>One message through the whole screen.</summary>
    [Benchmark]
    public SafetyFindings Screen() => SafetyScreen.Screen(_lexicon!, Message);
}
