using System.Text.RegularExpressions;
using CoachBot.Content;
using CoachBot.Content.Tests.Support;
using CoachBot.Testing.Readability;

namespace CoachBot.Content.Tests;

/// <summary>
/// Clinical rules section 13: every patient-facing text scores at most grade 8 (aim 6) on
/// Flesch-Kincaid and at least 60 on Flesch Reading Ease, and uses everyday words.
/// </summary>
public partial class PlainLanguageTests
{
    private const double MaxGrade = 8.0;
    private const double MinReadingEase = 60.0;
    private const double TargetGrade = 6.0;

    // Clinical words a patient should never have to decode; plain ones are used instead.
    private static readonly string[] Jargon =
    [
        "ambulate", "ambulation", "lumbar", "radiculopathy", "radicular", "contraindicated", "contraindication",
        "cauda equina", "neuropathic", "nociception", "nociceptive", "nociceptor", "degenerative", "degeneration",
        "pathology", "aetiology", "etiology", "prognosis", "analgesic", "analgesia", "musculoskeletal",
        "kinesiophobia", "catastrophising", "catastrophizing", "paraesthesia", "paresthesia", "bilateral",
        "efficacy", "sensitisation", "sensitization", "sciatica", "herniated", "herniation", "spondylosis",
        "stenosis", "vertebra", "vertebrae", "intervertebral", "doms", "rpe", "nsaid", "nsaids", "acute",
        "chronic", "symptomatic", "asymptomatic", "exacerbation", "incontinence", "urinary", "perineal",
        "perianal", "anaesthesia", "anesthesia", "neurological", "imaging", "decompression", "aneurysm",
        "aortic", "syndrome", "proprioception", "lordosis", "kyphosis", "myalgia", "sequelae",
    ];

    public static TheoryData<string> PatientTextNames()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in ShippedContent.PatientTexts())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PatientTextNames))]
    public void PatientText_FleschKincaid_IsAtMostGrade8WithReadingEaseAtLeast60(string name)
    {
        var text = TextNamed(name);

        var score = Readability.Analyze(text);

        if (score.Words == 0)
        {
            // A pure layout template such as "{number}. {title}": its words come from other scored text.
            Assert.Matches(@"^[\s\p{P}]*(\{[a-z_]+\}[\s\p{P}]*)+$", text);
            return;
        }

        Assert.True(score.FleschKincaidGrade <= MaxGrade, $"'{name}' reads at grade {score.FleschKincaidGrade:0.0} (max {MaxGrade}): {score}");
        Assert.True(score.FleschReadingEase >= MinReadingEase, $"'{name}' has reading ease {score.FleschReadingEase:0.0} (min {MinReadingEase}): {score}");
    }

    [Fact]
    public void AllPatientText_Together_MeetsTheGrade6Target()
    {
        var total = ShippedContent.PatientTexts()
            .Select(t => Readability.Analyze(t.Text))
            .Aggregate(new ReadabilityScore(0, 0, 0), (sum, next) => sum.Add(next));

        Assert.True(total.FleschKincaidGrade <= TargetGrade, $"All text together: {total}");
        Assert.True(total.FleschReadingEase >= 70, $"All text together: {total}");
    }

    [Fact]
    public void EveryLessonBody_Alone_MeetsTheGrade6Target()
    {
        var over = ShippedContent.Lessons.All
            .Select(l => (l.Id, Score: Readability.Analyze(l.Body)))
            .Where(x => x.Score.FleschKincaidGrade > TargetGrade)
            .Select(x => $"{x.Id}: {x.Score}")
            .ToList();

        Assert.True(over.Count == 0, "Lessons above grade 6: " + string.Join("; ", over));
    }

    [Theory]
    [MemberData(nameof(PatientTextNames))]
    public void PatientText_Words_AreFreeOfMedicalJargon(string name)
    {
        var text = TextNamed(name);

        var found = Jargon.Where(term => Regex.IsMatch(text, $@"\b{Regex.Escape(term)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)).ToList();

        Assert.True(found.Count == 0, $"'{name}' uses jargon: {string.Join(", ", found)}");
    }

    [Theory]
    [InlineData("Please ambulate twice daily.", "ambulate")]
    [InlineData("Your LUMBAR spine is fine.", "lumbar")]
    [InlineData("This is contraindicated.", "contraindicated")]
    [InlineData("Signs of cauda equina.", "cauda equina")]
    public void JargonCheck_KnownJargon_IsCaught(string text, string term)
    {
        Assert.Contains(Jargon, j => j == term && Regex.IsMatch(text, $@"\b{Regex.Escape(j)}\b", RegexOptions.IgnoreCase));
    }

    [Fact]
    public void PatientTexts_CoverEveryMessageKeyAndLesson()
    {
        var names = ShippedContent.PatientTexts().Select(t => t.Name).ToList();

        foreach (var key in ShippedContent.Messages.Keys)
        {
            var group = ShippedContent.LabelGroup(key);
            Assert.Contains(names, n => n == key || n.StartsWith(key + " (variant", StringComparison.Ordinal) || n == group);
        }

        Assert.Equal(ShippedContent.Lessons.All.Count, names.Count(n => n.StartsWith("lesson ", StringComparison.Ordinal) && !n.StartsWith("lesson menu", StringComparison.Ordinal)));
    }

    private static string TextNamed(string name) =>
        ShippedContent.PatientTexts().Single(t => t.Name == name).Text;
}
