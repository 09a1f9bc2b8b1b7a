using CoachBot.Coaching.CheckIns;
using static CoachBot.Coaching.Policy.MessageTokens;

namespace CoachBot.Coaching.Policy;

/// <content>Pain-monitoring (PM), conflict (CX), adherence (AD), stability (ST), progress (PR) and soreness (SO) rules.</content>
public static partial class ClinicalRuleSet
{
    private static CoachingRule[] MonitoringRules() =>
    [
        Rule(RuleTable.PM1, Decision.Pause, Escalation.Urgent, "painNow 9-10", [SeeADoctorToday],
            f => If(f.Input.PainNow >= 9, $"pain now {f.Input.PainNow}/10 (9-10)")),
        Rule(RuleTable.PM2, Decision.Pause, Escalation.Routine, "painNow 7-8", [KeepMovingGently],
            f => If(f.Input.PainNow is 7 or 8, $"pain now {f.Input.PainNow}/10 (7-8)")),
        Rule(RuleTable.PM3, Decision.Pause, Escalation.None, "inFlareUp true", [FlareUpPlan, KeepMovingGently],
            f => If(f.Input.InFlareUp, "in a flare-up: time off strength training")),
        Rule(RuleTable.CX1, Decision.Pause, Escalation.None, "inFlareUp true and painNow <= 2", [ConfirmFlareUpStatus],
            f => If(f.Input.InFlareUp && f.Input.PainNow <= 2,
                $"flare-up reported with pain now {f.Input.PainNow}/10: conflicting, ask whether the flare-up is over")),
        Rule(RuleTable.PM4, Decision.Pause, Escalation.None, "painNextMorningSettled false", [ReduceTheLoad, KeepMovingGently],
            f => If(f.Input.PainNextMorningSettled == false, "pain had not settled by the next morning")),
        Rule(RuleTable.PM5, Decision.Pause, Escalation.None, "painTrendVsLastWeek worse", [ReduceTheLoad, KeepMovingGently],
            f => If(f.Input.PainTrendVsLastWeek == PainTrend.Worse, "pain worse than last week")),
        Rule(RuleTable.PM6, Decision.Hold, Escalation.None, "painDuringLastSession >= 6", [ReduceTheLoad],
            f => If(f.Input.PainDuringLastSession >= 6, $"session pain {f.Input.PainDuringLastSession}/10 (high-risk zone 6-10)")),
        Rule(RuleTable.PM7, Decision.Hold, Escalation.None, "painNow 4-6", [],
            f => If(f.Input.PainNow is >= 4 and <= 6, $"pain now {f.Input.PainNow}/10 (4-6): acceptable, but too high to add load")),
        Rule(RuleTable.PM8, Decision.Hold, Escalation.None, "painDuringLastSession 4-5", [],
            f => If(f.Input.PainDuringLastSession is 4 or 5,
                $"session pain {f.Input.PainDuringLastSession}/10 (4-5): acceptable, but too high to add load")),
        Rule(RuleTable.PM9, Decision.Hold, Escalation.None,
            "painDuringLastSession, painNextMorningSettled or painTrendVsLastWeek is null", [],
            f => Unknowns(f.Input) is { Length: > 0 } unknown ? $"not known: {unknown}" : null),
        Rule(RuleTable.AD1, Decision.Hold, Escalation.None, "sessionsCompletedLast2Weeks < 4", [Train2To3TimesAWeek],
            f => If(f.Input.SessionsCompletedLast2Weeks < 4,
                $"{f.Input.SessionsCompletedLast2Weeks} sessions in the last 2 weeks (fewer than 4)")),
        Rule(RuleTable.ST1, Decision.Hold, Escalation.None, "consecutiveStableCheckIns < 2", [],
            f => If(f.Input.ConsecutiveStableCheckIns < 2,
                $"{f.Input.ConsecutiveStableCheckIns} previous stable check-ins (fewer than 2)")),
        new(RuleTable.PR1, RuleStage.WhenNoDecision, Decision.Progress, Escalation.None, [IncreaseTheLoadSlightly],
            "no other rule set a decision", _ => "every condition of the progression gate (1.4) is met"),
        new(RuleTable.SO1, RuleStage.AfterEscalation, null, Escalation.None, [SorenessIsNormal],
            "soreness reported, escalation none/routine",
            e => If(e.Facts.Has(PainType.Soreness) && e.EscalationSoFar <= Escalation.Routine,
                "muscle soreness reported: an expected response to training")),
    ];

    private static string Unknowns(CheckInInput input)
    {
        var names = new List<string>(3);
        if (input.PainDuringLastSession is null)
        {
            names.Add(CheckInFields.PainDuringLastSession);
        }

        if (input.PainNextMorningSettled is null)
        {
            names.Add(CheckInFields.PainNextMorningSettled);
        }

        if (input.PainTrendVsLastWeek is null)
        {
            names.Add(CheckInFields.PainTrendVsLastWeek);
        }

        return string.Join(", ", names);
    }
}
