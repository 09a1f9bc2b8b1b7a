using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Programs;

namespace CoachBot.Records;

/// <summary>One recorded check-in: the answers as decided and the decision made on them. Append-only.</summary>
public sealed record CheckInEntry
{
    /// <summary>The patient.</summary>
    public required string PatientId { get; init; }

    /// <summary>1 for the first check-in, then 2, 3...</summary>
    public required int Sequence { get; init; }

    /// <summary>When it was recorded.</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>The patient's local date.</summary>
    public required DateOnly LocalDate { get; init; }

    /// <summary>The input as decided (history fields derived).</summary>
    public required CheckInInput Input { get; init; }

    /// <summary>Progress, hold or pause.</summary>
    public required Decision Decision { get; init; }

    /// <summary>The escalation.</summary>
    public required Escalation Escalation { get; init; }

    /// <summary>The tokens the reply carried.</summary>
    public required IReadOnlyList<string> MustMention { get; init; }

    /// <summary>The rules that fired.</summary>
    public required IReadOnlyList<FiredRule> FiredRules { get; init; }

    /// <summary>The rule-set version.</summary>
    public required string RuleSetVersion { get; init; }

    /// <summary>The coach's override that replaced the core's decision at this check-in, when there was one.</summary>
    public DecisionOverride? Override { get; init; }

    /// <summary>The next prescription, when there was one.</summary>
    public Prescription? Prescription { get; init; }
}
