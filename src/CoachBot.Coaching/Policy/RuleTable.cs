namespace CoachBot.Coaching.Policy;

/// <summary>
/// Every rule id the system can raise, in one table: the decision rules of clinical rules 1.3, the planner rules, the
/// pre-exercise screening rules and the escalation-only ids (coach items that set no decision). Code anywhere refers to
/// an id through these constants; docs/clinical-rules.md section 1.5 lists the same table, and a test keeps the two,
/// and the places that raise them, in step.
/// </summary>
public static class RuleTable
{
    public const string DS1 = "DS-1";
    public const string DS2 = "DS-2";
    public const string DS3 = "DS-3";
    public const string RF1 = "RF-1";
    public const string RF2 = "RF-2";
    public const string RF3 = "RF-3";
    public const string RF4 = "RF-4";
    public const string RF5 = "RF-5";
    public const string RF6 = "RF-6";
    public const string SX1 = "SX-1";
    public const string SX2 = "SX-2";
    public const string SX3 = "SX-3";
    public const string NP1 = "NP-1";
    public const string NP2 = "NP-2";
    public const string NP3 = "NP-3";
    public const string NP4 = "NP-4";
    public const string NP5 = "NP-5";
    public const string PM1 = "PM-1";
    public const string PM2 = "PM-2";
    public const string PM3 = "PM-3";
    public const string CX1 = "CX-1";
    public const string PM4 = "PM-4";
    public const string PM5 = "PM-5";
    public const string PM6 = "PM-6";
    public const string PM7 = "PM-7";
    public const string PM8 = "PM-8";
    public const string PM9 = "PM-9";
    public const string AD1 = "AD-1";
    public const string ST1 = "ST-1";
    public const string PR1 = "PR-1";
    public const string SO1 = "SO-1";
    public const string RL1 = "RL-1";
    public const string RL2 = "RL-2";
    public const string CL1 = "CL-1";
    public const string PS1 = "PS-1";
    public const string PS2 = "PS-2";
    public const string PS3 = "PS-3";
    public const string PS4 = "PS-4";
    public const string PS5 = "PS-5";
    public const string PS6 = "PS-6";
    public const string Clearance = "CLEARANCE";
    public const string ClearancePatientReport = "CLEARANCE-PATIENT-REPORT";
    public const string Note = "NOTE";
    public const string FlareUpLong = "FLARE-LONG";
    public const string FlareUpRepeat = "FLARE-REPEAT";
    public const string CoachRequest = "COACH-REQUEST";
    public const string StartBackHigh = "STARTBACK-HIGH";
    public const string SchedulerMissedTwo = "SCHED-MISSED-2";
    public const string SchedulerUnreachable = "SCHED-UNREACHABLE";

    /// <summary>The table, in the order of docs/clinical-rules.md section 1.5.</summary>
    public static IReadOnlyList<RuleTableEntry> Entries { get; } =
    [
        new(DS1, RuleClass.Decision, Escalation.Emergency, "self-harm language with a sign that harm is close"),
        new(DS2, RuleClass.Decision, Escalation.Urgent, "any self-harm or suicide language"),
        new(DS3, RuleClass.Decision, Escalation.Routine, "distress words without self-harm content"),
        new(RF1, RuleClass.Decision, Escalation.Emergency, "possible cauda equina syndrome or major nerve loss"),
        new(RF2, RuleClass.Decision, Escalation.Urgent, "possible spinal infection (fever)"),
        new(RF3, RuleClass.Decision, Escalation.Urgent, "possible fracture (a fall, accident or hard knock)"),
        new(RF4, RuleClass.Decision, Escalation.Urgent, "possible malignancy (cancer history, weight loss without trying)"),
        new(RF5, RuleClass.Decision, Escalation.Routine, "night pain with no other red flag"),
        new(RF6, RuleClass.Decision, Escalation.Emergency, "possible aortic aneurysm described in free text"),
        new(SX1, RuleClass.Decision, Escalation.Routine, "spinal surgery 0-6 weeks ago, no clearance recorded: pause"),
        new(SX2, RuleClass.Decision, Escalation.Routine, "spinal surgery 7-12 weeks ago, or 0-6 weeks with clearance recorded: hold"),
        new(NP1, RuleClass.Decision, Escalation.Routine, "new or changing leg symptoms (radicular, not known-stable)"),
        new(NP2, RuleClass.Decision, Escalation.None, "known-stable leg symptoms: no automatic progression"),
        new(NP3, RuleClass.Decision, Escalation.Routine, "sharp pain: stop that exercise"),
        new(NP4, RuleClass.Decision, Escalation.Routine, "burning pain above the knee"),
        new(NP5, RuleClass.Decision, Escalation.None, "pain spreading above the knee, not yet known-stable"),
        new(PM1, RuleClass.Decision, Escalation.Urgent, "pain now 9-10"),
        new(PM2, RuleClass.Decision, Escalation.Routine, "pain now 7-8"),
        new(PM3, RuleClass.Decision, Escalation.None, "in a flare-up"),
        new(CX1, RuleClass.Decision, Escalation.None, "in a flare-up with pain 2 or less: confirm the flare-up status"),
        new(PM4, RuleClass.Decision, Escalation.None, "pain not settled by the next morning"),
        new(PM5, RuleClass.Decision, Escalation.None, "pain worse than last week"),
        new(PM6, RuleClass.Decision, Escalation.None, "session pain 6 or more: reduce the load"),
        new(PM7, RuleClass.Decision, Escalation.None, "pain now 4-6"),
        new(PM8, RuleClass.Decision, Escalation.None, "session pain 4-5"),
        new(PM9, RuleClass.Decision, Escalation.None, "session pain, next-morning settling or trend not known"),
        new(AD1, RuleClass.Decision, Escalation.None, "fewer than 4 sessions in the last 2 weeks"),
        new(ST1, RuleClass.Decision, Escalation.None, "fewer than 2 previous stable check-ins"),
        new(PR1, RuleClass.Decision, Escalation.None, "no other rule set a decision: progress"),
        new(SO1, RuleClass.Decision, Escalation.None, "soreness reported: soreness is normal"),
        new(RL1, RuleClass.Planner, Escalation.Routine, "a pause of more than 2 weeks ends: restart at ladder step 1"),
        new(RL2, RuleClass.Planner, Escalation.None, "paused, and the return-ladder entry conditions are not met"),
        new(CL1, RuleClass.Planner, Escalation.None, "held for a clinician's clearance: no strength session"),
        new(SX3, RuleClass.Screening, Escalation.Routine, "an injection in the spine in the last 3 months"),
        new(PS1, RuleClass.Screening, Escalation.Routine, "a yes or not sure to the PAR-Q+ general questions"),
        new(PS2, RuleClass.Screening, Escalation.Routine, "pregnant or gave birth in the last 6 months"),
        new(PS3, RuleClass.Screening, Escalation.Routine, "osteoporosis, or steroid tablets for 3 months or more"),
        new(PS4, RuleClass.Screening, Escalation.Routine, "past cancer (without pain at night)"),
        new(PS5, RuleClass.Screening, Escalation.Routine, "age under 20 or over 50 and the pain is new or different"),
        new(PS6, RuleClass.Screening, Escalation.Routine, "a known fracture, tumour or infection in the spine"),
        new(Clearance, RuleClass.Escalation, null, "the programme is held for clearance (raised with the screening's rule ids, at their level)"),
        new(ClearancePatientReport, RuleClass.Escalation, Escalation.None, "the patient reports that their doctor agreed: the hold is released"),
        new(Note, RuleClass.Escalation, Escalation.None, "the patient's note at \"anything else?\""),
        new(FlareUpLong, RuleClass.Escalation, Escalation.Routine, "a flare-up lasting more than 7 days"),
        new(FlareUpRepeat, RuleClass.Escalation, Escalation.Routine, "a second flare-up within 4 weeks"),
        new(CoachRequest, RuleClass.Escalation, Escalation.Routine, "the patient asked to talk to a coach"),
        new(StartBackHigh, RuleClass.Escalation, Escalation.Routine, "STarT Back high risk at onboarding"),
        new(SchedulerMissedTwo, RuleClass.Escalation, Escalation.Routine, "two scheduled check-ins in a row not answered"),
        new(SchedulerUnreachable, RuleClass.Escalation, Escalation.Routine, "the channel refused a scheduled message"),
    ];

    /// <summary>The escalation level an id raises (for a coach item, the level to record it at).</summary>
    /// <exception cref="ArgumentException">The id is not in the table, or takes the level of the findings it goes with.</exception>
    public static Escalation LevelOf(string id) =>
        Entries.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.Ordinal))?.Level
        ?? throw new ArgumentException($"{id} is not in the rule table, or has no level of its own.", nameof(id));

    /// <summary>Whether <paramref name="id"/> is in the table.</summary>
    public static bool Contains(string id) => Entries.Any(e => string.Equals(e.Id, id, StringComparison.Ordinal));

    /// <summary>True for the red-flag (RF) and self-harm or distress (DS) rules: a coach's decision never makes these less cautious.</summary>
    public static bool IsSafetyRule(string id) =>
        id.StartsWith("RF-", StringComparison.Ordinal) || id.StartsWith("DS-", StringComparison.Ordinal);
}

/// <summary>One row of <see cref="RuleTable"/>.</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Class">Where the rule lives.</param>
/// <param name="Level">The escalation level it raises, or null when it takes the level of the findings it goes with.</param>
/// <param name="Meaning">One line on what it means.</param>
public sealed record RuleTableEntry(string Id, RuleClass Class, Escalation? Level, string Meaning);

/// <summary>Where a rule id comes from.</summary>
public enum RuleClass
{
    /// <summary>The decision rules of clinical rules 1.3 (plus RF-6), run at every check-in.</summary>
    Decision,

    /// <summary>Rules of the program planner (return ladder 7.3, clearance hold 9.1).</summary>
    Planner,

    /// <summary>Pre-exercise screening rules at onboarding (9.1); the RF and SX rules of the table apply there too.</summary>
    Screening,

    /// <summary>An item for the coaches that sets no decision (notes, requests, follow-ups, the scheduler's).</summary>
    Escalation,
}
