using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Safety;

namespace CoachBot.Coaching.Programs;

/// <summary>
/// The whole check-in for one patient: derive the history fields, decide, plan the next session, fold in the
/// return-ladder rules (<see cref="PlannerRules"/>) and add the check-in to the history. Pure: the day is passed in.
/// </summary>
public static class CheckInProcessor
{
    /// <summary>
    /// Processes a check-in; see <see cref="PatientHistory.Complete"/> for which fields come from history. While
    /// <paramref name="awaitingClearance"/> (clinical rules 9.1), the program is held as it is: no strength session
    /// (rule CL-1), and the safety rules still decide the escalation.
    /// </summary>
    /// <exception cref="CheckInFormatException">A value is out of the 1.1 ranges.</exception>
    public static CheckInOutcome Process(PatientProgram program, CheckInInput answers, SafetyLexicon lexicon, DateOnly today, bool awaitingClearance = false)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(lexicon);
        var input = PatientHistory.Complete(answers, program, today);
        var rules = ClinicalRuleSet.Current;
        var decided = CoachingPolicy.Decide(input, lexicon, rules);
        var plan = awaitingClearance ? HeldForClearance(program) : ProgramPlanner.Plan(program, input, decided, today);
        var decision = plan.ExtraRules.Count == 0 ? decided : Merge(rules, decided, plan.ExtraRules, lexicon.Version);
        decision = decision with { Prescription = plan.Prescription };

        var record = new CheckInRecord(today, input, decision.Decision, decision.Escalation, decision.RuleIds, decision.RuleSetVersion);
        var updated = plan.Program.WithCheckIn(record);
        return new CheckInOutcome(decision, updated, input);
    }

    private static PlanOutcome HeldForClearance(PatientProgram program)
    {
        const string Why = "held until a clinician clears training (pre-exercise screening)";
        var prescription = new Prescription { Phase = program.Phase, TrainingAllowed = false, Exercises = [], Notes = [Why] };
        return new PlanOutcome(program, prescription, [new FiredRule(PlannerRules.AwaitingClearance, Why)]);
    }

    private static CoachingDecision Merge(RuleSet rules, CoachingDecision decided, IReadOnlyList<FiredRule> extra, string lexiconVersion)
    {
        var extraRules = extra.Select(f => (Rule: PlannerRules.All.First(r => r.Id == f.RuleId), f.Reason)).ToList();
        var setsDecision = extraRules.Exists(e => e.Rule.Decision is not null);
        var fired = decided.FiredRules
            .Where(f => !(setsDecision && f.RuleId == RuleTable.PR1))
            .Select(f => (Rule: rules[f.RuleId], f.Reason))
            .Concat(extraRules)
            .ToList();
        var escalation = fired.Max(f => f.Rule.Escalation);
        return CoachingPolicy.Combine(rules, fired, escalation, lexiconVersion);
    }
}
