using CoachBot.Coaching.Policy;

namespace CoachBot.Coaching.Programs;

/// <summary>What the planner made of a decision.</summary>
/// <param name="Program">The program after the decision (phase, ladder step, working loads).</param>
/// <param name="Prescription">The next session's prescription.</param>
/// <param name="ExtraRules">
/// Planner rules that fired (see <see cref="PlannerRules"/>); <see cref="CheckInProcessor"/> folds them into the decision.
/// </param>
public sealed record PlanOutcome(PatientProgram Program, Prescription Prescription, IReadOnlyList<FiredRule> ExtraRules);
