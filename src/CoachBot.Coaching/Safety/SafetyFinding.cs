using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;

namespace CoachBot.Coaching.Safety;

/// <summary>One rule that fired on a message: its clinical rule id, level, class and the concepts behind it.</summary>
public sealed record SafetyFinding
{
    /// <summary>The clinical rule id, for example <c>RF-1</c> or <c>DS-2</c>.</summary>
    public required string RuleId { get; init; }

    /// <summary>The concept rule's plain name, for example "lost feeling in the saddle area".</summary>
    public required string Name { get; init; }

    /// <summary>The escalation of the rule id in the rule table.</summary>
    public required Escalation Level { get; init; }

    /// <summary>The red flag, if the rule reports one.</summary>
    public RedFlag? Flag { get; init; }

    /// <summary>The crisis class (DS rules), otherwise <see cref="SelfHarmClass.None"/>.</summary>
    public SelfHarmClass Crisis { get; init; }

    /// <summary>The concepts and content terms that fired it.</summary>
    public required IReadOnlyList<ConceptMatch> Concepts { get; init; }

    /// <summary>For coaches and audit: rule id, name and concepts, e.g. RF-1 lost feeling in the saddle area (sensationLoss "numb*" + saddleRegion "groin").</summary>
    public string Describe() =>
        $"{RuleId} {Name} ({string.Join(" + ", Concepts.Select(c => $"{c.Concept} \"{c.Term}\""))})";
}
