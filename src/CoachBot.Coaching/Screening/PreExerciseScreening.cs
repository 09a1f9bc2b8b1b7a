using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;

namespace CoachBot.Coaching.Screening;

/// <summary>
/// The pre-exercise screening of clinical rules 9.1 (with sections 2 and 9): who may start the programme at once and
/// who waits for a clinician's clearance. Pure. Every finding holds the programme until it is cleared; the level says
/// how fast a person must look (routine, urgent, emergency).
/// </summary>
public static class PreExerciseScreening
{
    /// <summary>Surgery 0-6 weeks ago: no app loading (section 9).</summary>
    public const string SurgeryEarly = RuleTable.SX1;

    /// <summary>Surgery 7-12 weeks ago: hold, a person confirms the surgical team's clearance (section 9).</summary>
    public const string SurgeryLate = RuleTable.SX2;

    /// <summary>An injection in the spine in the last 3 months (9.1).</summary>
    public const string SpinalInjection = RuleTable.SX3;

    /// <summary>PAR-Q+ general questions: any yes (9.1).</summary>
    public const string GeneralHealth = RuleTable.PS1;

    /// <summary>Pregnant or gave birth in the last 6 months (9.1).</summary>
    public const string Pregnancy = RuleTable.PS2;

    /// <summary>Osteoporosis or long-term steroid tablets: fracture risk (9.1, section 2).</summary>
    public const string BoneHealth = RuleTable.PS3;

    /// <summary>Past cancer (9.1); with night pain or weight loss it is RF-4 instead.</summary>
    public const string PastCancer = RuleTable.PS4;

    /// <summary>Age under 20 or over 50 and the pain is new or different (section 2 age thresholds).</summary>
    public const string AgeFlag = RuleTable.PS5;

    /// <summary>A known fracture, tumour or infection of the spine: no loading until medically cleared (sections 2 and 9).</summary>
    public const string KnownSpinalCondition = RuleTable.PS6;

    /// <summary>Back surgery "in the last 3 months": the most weeks ago the screening asks about (and records).</summary>
    public const int RecentSurgeryWeeks = 13;

    /// <summary>The youngest age without the age flag.</summary>
    public const int YoungestUnflagged = 20;

    /// <summary>The oldest age without the age flag.</summary>
    public const int OldestUnflagged = 50;

    /// <summary>True when the age alone asks whether the pain is new or different (under 20 or over 50).</summary>
    public static bool AgeAsksAboutNewPain(int? age) => age is int a && (a < YoungestUnflagged || a > OldestUnflagged);

    /// <summary>Evaluates the answers. An empty result means the programme can start now.</summary>
    public static ScreeningResult Evaluate(ScreeningAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var findings = new List<ScreeningFinding>();
        var flags = answers.RedFlags.Where(f => f is not RedFlag.None and not RedFlag.CancerHistory).ToHashSet();

        // Red flags today first: the most time-critical.
        var ces = flags.Where(f => f is RedFlag.BladderBowel or RedFlag.SaddleNumbness or RedFlag.ProgressiveWeakness).ToList();
        if (ces.Count > 0)
        {
            findings.Add(new(RuleTable.RF1, Escalation.Emergency, "possible cauda equina syndrome or nerve loss: " + string.Join(", ", ces.Select(f => WireNames.ToWire(f)))));
        }

        if (flags.Contains(RedFlag.Fever))
        {
            findings.Add(new(RuleTable.RF2, Escalation.Urgent, "fever, chills or sweats (possible spinal infection)"));
        }

        if (flags.Contains(RedFlag.RecentTrauma))
        {
            findings.Add(new(RuleTable.RF3, Escalation.Urgent, "a fall, accident or hard knock (possible fracture)"));
        }

        var cancerWithSigns = answers.PastCancer && flags.Contains(RedFlag.NightPain);
        if (flags.Contains(RedFlag.UnexplainedWeightLoss) || cancerWithSigns)
        {
            var why = flags.Contains(RedFlag.UnexplainedWeightLoss) ? "weight loss without trying" : "past cancer and pain at night";
            findings.Add(new(RuleTable.RF4, Escalation.Urgent, why + " (possible malignancy)"));
        }

        if (flags.Contains(RedFlag.NightPain) && findings.Count == 0)
        {
            findings.Add(new(RuleTable.RF5, Escalation.Routine, "pain that wakes them at night"));
        }

        switch (answers.SurgeryWeeksAgo)
        {
            case int weeks when weeks <= 6:
                findings.Add(new(SurgeryEarly, Escalation.Routine, $"back surgery {weeks} weeks ago: no loading until the surgical team clears it"));
                break;
            case int weeks when weeks <= 12:
                findings.Add(new(SurgeryLate, Escalation.Routine, $"back surgery {weeks} weeks ago: confirm the surgical team's clearance"));
                break;
        }

        if (answers.SpinalInjection)
        {
            findings.Add(new(SpinalInjection, Escalation.Routine, "an injection in the spine in the last 3 months"));
        }

        if (answers.KnownSpinalCondition)
        {
            findings.Add(new(KnownSpinalCondition, Escalation.Routine, "a known fracture, tumour or infection of the spine: no loading until a doctor clears it"));
        }

        if (answers.GeneralHealthConcern)
        {
            findings.Add(new(GeneralHealth, Escalation.Routine, "a yes to the general health questions (heart, chest pain, fainting, other conditions or medicines)"));
        }

        if (answers.PregnantOrRecentBirth)
        {
            findings.Add(new(Pregnancy, Escalation.Routine, "pregnant or gave birth in the last 6 months: the programme needs adapting"));
        }

        if (answers.OsteoporosisOrSteroids)
        {
            findings.Add(new(BoneHealth, Escalation.Routine, "osteoporosis or long-term steroid tablets: no heavy loaded bending until cleared"));
        }

        if (answers.PastCancer && !cancerWithSigns)
        {
            findings.Add(new(PastCancer, Escalation.Routine, "past cancer"));
        }

        if (AgeAsksAboutNewPain(answers.Age) && answers.NewOrDifferentPain != false)
        {
            findings.Add(new(AgeFlag, Escalation.Routine, $"age {answers.Age} and the back pain is new or different (or not known)"));
        }

        return new ScreeningResult(findings);
    }
}
