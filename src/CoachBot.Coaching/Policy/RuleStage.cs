namespace CoachBot.Coaching.Policy;

/// <summary>When a rule is evaluated (clinical rules 1.2).</summary>
public enum RuleStage
{
    /// <summary>An ordinary rule: evaluated on the facts alone, together with every other ordinary rule.</summary>
    Condition,

    /// <summary>Fires only when no ordinary rule set a decision (PR-1).</summary>
    WhenNoDecision,

    /// <summary>Evaluated after the escalation is known (SO-1 needs it); sets no decision.</summary>
    AfterEscalation,
}
