using BenchmarkDotNet.Attributes;
using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Safety;

namespace CoachBot.Benchmarks;

/// <summary>The coaching core's decision for one check-in (rules and safety screen of the free text), with the real lexicon.</summary>
[MemoryDiagnoser]
public class CoachingDecisionBenchmarks
{
    private SafetyLexicon? _lexicon;
    private CheckInInput _calm = new();
    private CheckInInput _withText = new();

    /// <summary>Loads the safety lexicon from content/safety and builds two check-ins.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "safety");
        _lexicon = SafetyLexiconParser.Parse(Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => new SafetyLexiconSource(Path.GetFileName(f), File.ReadAllText(f))));
        _calm = new CheckInInput
        {
            PainNow = 2,
            PainDuringLastSession = 2,
            PainNextMorningSettled = true,
            PainTrendVsLastWeek = PainTrend.Same,
            PainTypes = new HashSet<PainType> { PainType.Ache },
            RadiatesBelowKnee = false,
            RedFlags = new HashSet<RedFlag> { RedFlag.None },
            SessionsCompletedLast2Weeks = 5,
            ConsecutiveStableCheckIns = 2,
        };
        _withText = _calm with { DistressText = "my back was a bit stiff after gardening but I feel fine today" };
    }

    /// <summary>A calm check-in with no free text.</summary>
    [Benchmark]
    public CoachingDecision DecideCalm() => CoachingPolicy.Decide(_calm, _lexicon!);

    /// <summary>The same check-in with a sentence of free text to screen.</summary>
    [Benchmark]
    public CoachingDecision DecideWithText() => CoachingPolicy.Decide(_withText, _lexicon!);
}
