using System.Text.RegularExpressions;
using CoachBot.Coaching.Policy;
using CoachBot.Storage.Tests.Support;

namespace CoachBot.Coaching.Tests.Policy;

/// <summary>
/// Clinical rules live in the core: a dialog, channel or scheduler source file holds no rule id literal and no clinical
/// threshold (the pattern is described in docs/clinical-rules.md 1.5). Flagged: a string literal that is a rule id of
/// the table or looks like one; a pain value compared with a number other than the ends of the 0-10 scale; a day or
/// week count compared with a number; a constant named ...Days or ...Weeks given a number.
/// </summary>
public sealed partial class ClinicalLiteralsTests
{
    private static readonly string[] Areas = ["dialogs", "src/CoachBot.Channels", "src/CoachBot.Scheduling"];

    [Fact]
    public void DialogsChannelsAndScheduler_HoldNoRuleIdOrClinicalThreshold()
    {
        var repo = RepoRoot.Find();
        var found = RuleTableIndexTests.SourceFiles(Areas)
            .SelectMany(f => Problems(File.ReadAllLines(f)).Select(p => $"{Path.GetRelativePath(repo, f)}:{p}"))
            .ToList();

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Theory]
    [InlineData("""RuleIds = ["SCHED-MISSED-2"],""")]
    [InlineData("""if (decision.RuleIds.Contains("PM-6"))""")]
    [InlineData("""await Escalate(["NOTE"]);""")]
    [InlineData("""s.PainNow >= 7 || s.FlareOver == false""")]
    [InlineData("""if (input.PainNow >= 4)""")]
    [InlineData("""var high = painDuringLastSession is >= 6;""")]
    [InlineData("""today.DayNumber - last.DayNumber >= 7""")]
    [InlineData("""(now - last).TotalDays > 30""")]
    [InlineData("""public const int FlareUpLongDays = 7;""")]
    [InlineData("""surgeryWeeks is >= 0 and <= 52 ? surgeryWeeks : null""")]
    public void Pattern_FlagsRuleIdsAndThresholds(string line) => Assert.NotEmpty(Problems([line]));

    [Theory]
    [InlineData("""if (decision.RuleIds.Contains(RuleTable.PM6))""")]
    [InlineData("""if (CheckInCadence.RedFlagScreenHinted(s.RedFlagHint, s.BelowKnee, s.PainTypes, s.PainNow, s.FlareOver))""")]
    [InlineData("""if (pain is not (>= 0 and <= 10))""")]
    [InlineData("""canvas.Number(pain, pain == 10 ? 8 : 20, y - 5, 2, Ink);""")]
    [InlineData("""if (schedule.Days.Count == 0 || until <= after)""")]
    [InlineData("""return amount is >= 1 and <= 12 ? (When.Hours, amount) : null;""")]
    [InlineData("""AddIf(problems, weeks is not (>= 0 and <= PreExerciseScreening.RecentSurgeryWeeks), Keys.CardErrorSurgeryWeeks);""")]
    [InlineData("""// the red-flag screen runs when pain >= 7 (a comment)""")]
    [InlineData("""var header = "X-Request-Id";""")]
    public void Pattern_AllowsConstantsValidationAndOrdinaryCode(string line) => Assert.Empty(Problems([line]));

    private static IEnumerable<string> Problems(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match literal in Literal().Matches(line))
            {
                var value = literal.Groups[1].Value;
                if (RuleTable.Contains(value) || RuleTableIndexTests.IdLike().IsMatch(value))
                {
                    yield return $"{i + 1}: rule id literal \"{value}\" (use RuleTable)";
                }
            }

            foreach (Match pain in PainComparison().Matches(line))
            {
                var numbers = pain.Groups["n"].Captures.Select(c => c.Value);
                if (numbers.Any(n => n is not ("0" or "10")))
                {
                    yield return $"{i + 1}: pain threshold '{pain.Value.Trim()}' (decide it in the core)";
                }
            }

            if (DayComparison().Match(line) is { Success: true } days)
            {
                yield return $"{i + 1}: day or week threshold '{days.Value.Trim()}' (decide it in the core)";
            }
        }
    }

    [GeneratedRegex("\"([^\"\\\\\\n]*)\"")]
    private static partial Regex Literal();

    /// <summary>A pain value compared with numbers: <c>PainNow &gt;= 7</c>, <c>pain is not (&gt;= 0 and &lt;= 10)</c>.</summary>
    [GeneratedRegex(@"(?i)\b\w*pain\w*\s*(?:is\s+(?:not\s+)?\(?\s*)?(?:(?:>=|<=|>|<|==|!=)\s*(?<n>\d+)\s*(?:and|or)?\s*)+")]
    private static partial Regex PainComparison();

    /// <summary>A day or week count compared with a number other than 0, or a ...Days/...Weeks constant given one.</summary>
    [GeneratedRegex(@"(?:DayNumber|TotalDays)\b[^;]*?(?:>=|<=|>|<|==)\s*[1-9]\d*|(?i:\b\w*weeks?\w*\s*(?:is\s+(?:not\s+)?\(?\s*)?(?:>=|<=|>|<|==)\s*(?:0\s*and\s*(?:<=|<)\s*)?[1-9]\d*)|const\s+int\s+\w*(?:Days|Weeks)\s*=\s*\d+")]
    private static partial Regex DayComparison();
}
