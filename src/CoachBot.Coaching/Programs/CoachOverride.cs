using CoachBot.Coaching.Policy;

namespace CoachBot.Coaching.Programs;

/// <summary>
/// A coach's decision for a patient's next check-in (set on the coach page). It replaces the core's decision, except
/// that it never makes the plan less cautious after a red flag, self-harm or distress language, or an urgent or
/// emergency result: then only a more cautious one applies.
/// </summary>
public static class CoachOverride
{
    /// <summary>Whether the coach's decision may replace the core's.</summary>
    public static bool MayApply(CoachingDecision core, Decision coach)
    {
        ArgumentNullException.ThrowIfNull(core);
        var safety = core.Escalation >= Escalation.Urgent || core.RuleIds.Any(RuleTable.IsSafetyRule);
        return !safety || coach >= core.Decision;
    }

    /// <summary>
    /// The check-in with the coach's decision: the plan is made again for that decision, the core's fired rules and
    /// escalation stay, and its safety tokens still carry (only the tokens about the load follow the new decision).
    /// </summary>
    public static CheckInOutcome Apply(CheckInOutcome core, PatientProgram before, Decision coach, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(before);
        var tokens = core.Decision.MustMention.ToList();
        if (coach != Decision.Progress)
        {
            tokens.Remove(MessageTokens.IncreaseTheLoadSlightly);
        }
        else if (!tokens.Contains(MessageTokens.IncreaseTheLoadSlightly))
        {
            tokens.Add(MessageTokens.IncreaseTheLoadSlightly);
        }

        if (coach == Decision.Pause)
        {
            tokens.Remove(MessageTokens.Train2To3TimesAWeek);
            if (!tokens.Contains(MessageTokens.KeepMovingGently))
            {
                tokens.Add(MessageTokens.KeepMovingGently);
            }
        }

        var decided = core.Decision with { Decision = coach, MustMention = MessageTokens.Canonical(tokens) };
        var plan = ProgramPlanner.Plan(before, core.Input, decided, today);
        decided = decided with { Prescription = plan.Prescription };
        var record = new CheckInRecord(today, core.Input, coach, decided.Escalation, decided.RuleIds, decided.RuleSetVersion);
        return new CheckInOutcome(decided, plan.Program.WithCheckIn(record), core.Input);
    }
}
