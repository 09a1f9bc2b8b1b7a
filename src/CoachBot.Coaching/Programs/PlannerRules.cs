using CoachBot.Coaching.Policy;
using static CoachBot.Coaching.Policy.MessageTokens;

namespace CoachBot.Coaching.Programs;

/// <summary>
/// Rules that come from the return ladder (clinical rules 7.3, project defaults) rather than the 1.3 table. They
/// fire only when a decision is made for a patient's program (<see cref="CheckInProcessor"/>).
/// </summary>
public static class PlannerRules
{
    /// <summary>A pause of more than 2 weeks ended: restart at step 1 and send a routine escalation.</summary>
    public const string LongPause = RuleTable.RL1;

    /// <summary>Still paused: the return-ladder entry conditions are not met yet.</summary>
    public const string LadderEntryNotMet = RuleTable.RL2;

    /// <summary>The pre-exercise screening asked for clearance and none is recorded yet: no strength session (9.1).</summary>
    public const string AwaitingClearance = RuleTable.CL1;

    /// <summary>The planner rules, as data.</summary>
    public static IReadOnlyList<CoachingRule> All { get; } =
    [
        new(LongPause, RuleStage.Condition, null, Escalation.Routine, [CoachWillContactYou],
            "a pause of more than 2 weeks ends (7.3)", _ => null),
        new(LadderEntryNotMet, RuleStage.Condition, Decision.Pause, Escalation.None, [KeepMovingGently],
            "paused, and the return-ladder entry conditions are not met (7.3)", _ => null),
        new(AwaitingClearance, RuleStage.Condition, Decision.Pause, Escalation.None, [KeepMovingGently],
            "the pre-exercise screening needs a clinician's clearance, not yet recorded (9.1)", _ => null),
    ];
}
