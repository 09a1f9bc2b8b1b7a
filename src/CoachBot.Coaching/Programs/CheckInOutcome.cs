using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;

namespace CoachBot.Coaching.Programs;

/// <summary>The result of processing one check-in for a patient.</summary>
/// <param name="Decision">The decision, including planner rules and the next <see cref="CoachingDecision.Prescription"/>.</param>
/// <param name="Program">The program afterwards, with the check-in appended to its history. Persist this.</param>
/// <param name="Input">The check-in as decided, with history fields derived.</param>
public sealed record CheckInOutcome(CoachingDecision Decision, PatientProgram Program, CheckInInput Input);
