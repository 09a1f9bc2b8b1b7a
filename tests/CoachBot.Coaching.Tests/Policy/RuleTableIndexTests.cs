using System.Reflection;
using System.Text.RegularExpressions;
using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Programs;
using CoachBot.Coaching.Safety;
using CoachBot.Coaching.Screening;
using CoachBot.Coaching.Tests.Support;
using CoachBot.Storage.Tests.Support;

namespace CoachBot.Coaching.Tests.Policy;

/// <summary>
/// The one table of rule ids (<see cref="RuleTable"/>): every id the system can raise is in it and in
/// docs/clinical-rules.md section 1.5, and every id in it is raised somewhere.
/// </summary>
public sealed partial class RuleTableIndexTests
{
    private static readonly HashSet<string> TableIds = RuleTable.Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Table_HasEachIdOnce_AndAConstantForEach()
    {
        var constants = typeof(RuleTable).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal(RuleTable.Entries.Count, TableIds.Count);
        Assert.Equal(TableIds.Order(StringComparer.Ordinal), constants.Order(StringComparer.Ordinal));
        Assert.All(RuleTable.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Meaning), e.Id));
    }

    [Fact]
    public void LevelOf_GivesTheTablesLevel_AndRefusesAnIdWithoutOne()
    {
        Assert.Equal(Escalation.Routine, RuleTable.LevelOf(RuleTable.FlareUpLong));
        Assert.Equal(Escalation.None, RuleTable.LevelOf(RuleTable.Note));
        Assert.Equal(Escalation.Emergency, RuleTable.LevelOf(RuleTable.RF1));
        Assert.Throws<ArgumentException>(() => RuleTable.LevelOf(RuleTable.Clearance));
        Assert.Throws<ArgumentException>(() => RuleTable.LevelOf("XX-9"));
    }

    [Fact]
    public void EveryRuleTheCoreRuns_IsInTheTable_WithItsLevelAndClass()
    {
        foreach (var rule in ClinicalRuleSet.Current.Rules)
        {
            AssertEntry(rule.Id, RuleClass.Decision, rule.Escalation);
        }

        foreach (var rule in PlannerRules.All)
        {
            AssertEntry(rule.Id, RuleClass.Planner, rule.Escalation);
        }

        foreach (var finding in PreExerciseScreening.Evaluate(EveryScreeningYes()).Findings)
        {
            Assert.Contains(finding.RuleId, TableIds);
            var entry = RuleTable.Entries.Single(e => e.Id == finding.RuleId);
            Assert.Equal(entry.Level, finding.Escalation);
        }
    }

    [Fact]
    public void EveryRuleOfTheSafetyContent_IsInTheTable()
    {
        Assert.All(SafetyLexicon.ScreenRuleIds, id => Assert.Contains(id, TableIds));
        Assert.All(TestLexicon.Current.Rules, r => Assert.Contains(r.Id, TableIds));
        Assert.All(TestLexicon.Current.Questions, q => Assert.Contains(q.When.Id, TableIds));
    }

    [Fact]
    public void EveryRuleIdLiteral_InTheSource_IsInTheTable()
    {
        // A new id raised anywhere (a dialog, the scheduler, the coach pages) without a table row fails here.
        var unknown = SourceFiles("src", "dialogs")
            .SelectMany(f => StringLiterals(f).Select(l => (File: f, Literal: l)))
            .Where(x => IdLike().IsMatch(x.Literal) && !TableIds.Contains(x.Literal))
            .Select(x => $"{Path.GetRelativePath(RepoRoot.Find(), x.File)}: \"{x.Literal}\"")
            .ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public void EveryIdInTheTable_IsRaisedSomewhere()
    {
        var screening = PreExerciseScreening.Evaluate(EveryScreeningYes()).Findings.Select(f => f.RuleId)
            .Concat(PreExerciseScreening.Evaluate(new ScreeningAnswers { SurgeryWeeksAgo = 9 }).Findings.Select(f => f.RuleId))
            .ToHashSet(StringComparer.Ordinal);
        var rules = ClinicalRuleSet.RuleIds.Concat(PlannerRules.All.Select(r => r.Id)).ToHashSet(StringComparer.Ordinal);

        // Coach items are raised by code outside the core: their constant must be used there.
        var names = typeof(RuleTable).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral)
            .ToDictionary(f => (string)f.GetRawConstantValue()!, f => f.Name, StringComparer.Ordinal);
        var table = Path.Combine(RepoRoot.Find(), "src", "CoachBot.Coaching", "Policy", "RuleTable.cs");
        var source = string.Join("\n", SourceFiles("src", "dialogs").Where(f => f != table).Select(File.ReadAllText));

        foreach (var entry in RuleTable.Entries)
        {
            var raised = entry.Class switch
            {
                RuleClass.Decision or RuleClass.Planner => rules.Contains(entry.Id),
                RuleClass.Screening => screening.Contains(entry.Id),
                _ => source.Contains("RuleTable." + names[entry.Id], StringComparison.Ordinal),
            };
            Assert.True(raised, $"{entry.Id} ({entry.Class}) is in the table but nothing raises it.");
        }
    }

    [Fact]
    public void EveryIdInTheTable_IsInTheDoc_WithItsLevel()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot.Find(), "docs", "clinical-rules.md"));
        var start = doc.IndexOf("### 1.5 ", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/clinical-rules.md has no section 1.5 (the rule id table).");
        var section = doc[start..doc.IndexOf("\n## ", start, StringComparison.Ordinal)];
        var rows = section.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Where(c => c.Length > 4 && c[1] != "ID" && !c[1].StartsWith('-'))
            .ToDictionary(c => c[1], c => c[3], StringComparer.Ordinal);

        foreach (var entry in RuleTable.Entries)
        {
            Assert.True(rows.TryGetValue(entry.Id, out var level), $"{entry.Id} is missing from docs/clinical-rules.md 1.5.");
            Assert.Equal(entry.Level?.ToString().ToLowerInvariant() ?? "as findings", level);
        }

        Assert.DoesNotContain(rows.Keys, id => !TableIds.Contains(id));
    }

    private static void AssertEntry(string id, RuleClass expected, Escalation level)
    {
        var entry = RuleTable.Entries.SingleOrDefault(e => e.Id == id);
        Assert.True(entry is not null, $"{id} is not in RuleTable.");
        Assert.Equal(expected, entry!.Class);
        Assert.Equal(level, entry.Level);
    }

    private static ScreeningAnswers EveryScreeningYes() => new()
    {
        Age = 60,
        NewOrDifferentPain = true,
        SurgeryWeeksAgo = 2,
        SpinalInjection = true,
        PregnantOrRecentBirth = true,
        OsteoporosisOrSteroids = true,
        KnownSpinalCondition = true,
        GeneralHealthConcern = true,
        PastCancer = true,
        RedFlags = new HashSet<RedFlag>(),
    };

    internal static IEnumerable<string> SourceFiles(params string[] roots)
    {
        var repo = RepoRoot.Find();
        return roots.SelectMany(r => Directory.EnumerateFiles(Path.Combine(repo, r), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
    }

    /// <summary>The contents of the plain string literals of a file (comments left out).</summary>
    internal static IEnumerable<string> StringLiterals(string file) =>
        File.ReadLines(file).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .SelectMany(l => Literal().Matches(l).Select(m => m.Groups[1].Value));

    [GeneratedRegex("\"([^\"\\\\\\n]*)\"")]
    private static partial Regex Literal();

    [GeneratedRegex("^[A-Z]{2,}(?:-[A-Z0-9]+)+$")]
    internal static partial Regex IdLike();
}
