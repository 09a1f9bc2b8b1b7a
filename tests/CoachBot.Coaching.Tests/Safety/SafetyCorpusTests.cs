using CoachBot.Coaching.Safety;
using CoachBot.Coaching.Tests.Support;
using Xunit.Abstractions;

namespace CoachBot.Coaching.Tests.Safety;

/// <summary>
/// The safety corpus (SafetyCorpus/*.tsv): labelled patient sentences in two halves, a development half the
/// vocabulary was tuned against and a held-out half written before the screen ever ran on it. Each half must catch
/// every emergency and crisis sentence (RF-1, RF-6, DS-1, DS-2), at least 80% of the urgent and routine ones, and
/// raise an alarm on at most 2% of the benign ones. Recall per class and the false-alarm rate are printed.
/// </summary>
public class SafetyCorpusTests(ITestOutputHelper output)
{
    private static readonly string[] MustCatchAll = ["RF-1", "RF-6", "DS-1", "DS-2"];
    private const double LeastOtherRecall = 0.8;
    private const double MostFalseAlarms = 0.02;

    [Theory]
    [InlineData("development.tsv")]
    [InlineData("held-out.tsv")]
    public void Corpus_CatchesEmergenciesAndCrisesWithFewFalseAlarms(string file)
    {
        var sentences = Read(file);
        var results = sentences.Select(s => (s.Label, s.Text, Findings: SafetyScreen.Screen(TestLexicon.Current, s.Text))).ToList();

        var failures = new List<string>();
        var misses = new List<string>();
        output.WriteLine($"{file}: {sentences.Count} sentences");
        foreach (var label in results.Select(r => r.Label).Where(l => l != "benign").Distinct().Order(StringComparer.Ordinal))
        {
            var ofClass = results.Where(r => r.Label == label).ToList();
            var missed = ofClass.Where(r => !Caught(r.Label, r.Findings)).ToList();
            var recall = 1.0 - ((double)missed.Count / ofClass.Count);
            output.WriteLine($"  {label}: recall {recall:P1} ({ofClass.Count - missed.Count}/{ofClass.Count})");
            var least = MustCatchAll.Contains(label) ? 1.0 : LeastOtherRecall;
            if (recall < least)
            {
                failures.Add($"{label} recall {recall:P1} below {least:P0}");
            }

            missed.ForEach(m => misses.Add($"  missed {label}: \"{m.Text}\" -> {m.Findings.Describe()}"));
        }

        var benign = results.Where(r => r.Label == "benign").ToList();
        var alarms = benign.Where(r => r.Findings.Any).ToList();
        var asked = benign.Count(r => !r.Findings.Any && r.Findings.Questions.Count > 0);
        var rate = (double)alarms.Count / benign.Count;
        output.WriteLine($"  benign: false alarms {rate:P1} ({alarms.Count}/{benign.Count}); a question asked on {asked}");
        alarms.ForEach(a => output.WriteLine($"  false alarm: \"{a.Text}\" -> {a.Findings.Describe()}"));
        if (rate > MostFalseAlarms)
        {
            failures.Add($"false alarms {rate:P1} above {MostFalseAlarms:P0}");
        }

        misses.ForEach(output.WriteLine);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, [.. failures, .. misses]));
    }

    [Fact]
    public void Corpus_IsLargeEnoughAndCoversEveryClass()
    {
        var all = Read("development.tsv").Concat(Read("held-out.tsv")).ToList();

        Assert.True(all.Count >= 400, $"{all.Count} sentences");
        Assert.True(all.Count(s => s.Label == "benign") >= 150);
        Assert.All(SafetyLexicon.ScreenRuleIds, id => Assert.Contains(all, s => s.Label == id));
        Assert.Equal(all.Count, all.Select(s => s.Text).Distinct(StringComparer.Ordinal).Count());
    }

    private static bool Caught(string label, SafetyFindings findings) =>
        label == "DS-2" ? findings.SelfHarm >= SelfHarmClass.SelfHarm : findings.Fired(label);

    private static List<(string Label, string Text)> Read(string file) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "SafetyCorpus", file))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t', 2) is [var label, var text] ? (label, text) : throw new FormatException($"{file}: \"{l}\" is not label<TAB>sentence."))
            .ToList();
}
