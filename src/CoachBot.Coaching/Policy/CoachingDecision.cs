using CoachBot.Coaching.Programs;

namespace CoachBot.Coaching.Policy;

/// <summary>The outcome of one check-in: decision, escalation, tokens, the rules behind them and the next prescription.</summary>
public sealed record CoachingDecision
{
    /// <summary>Progress, hold or pause.</summary>
    public required Decision Decision { get; init; }

    /// <summary>The highest escalation level that fired.</summary>
    public required Escalation Escalation { get; init; }

    /// <summary>Tokens the reply must carry (clinical rules 0.3), in the canonical order of <see cref="MessageTokens.All"/>.</summary>
    public required IReadOnlyList<string> MustMention { get; init; }

    /// <summary>Every rule that fired, in rule-table order, each with a plain reason.</summary>
    public required IReadOnlyList<FiredRule> FiredRules { get; init; }

    /// <summary>The version of the rule set that made this decision.</summary>
    public required string RuleSetVersion { get; init; }

    /// <summary>
    /// The next training prescription, when the decision was made for a patient's program
    /// (<see cref="CheckInProcessor"/>); null from <c>CoachingPolicy.Decide</c> alone.
    /// </summary>
    public Prescription? Prescription { get; init; }

    /// <summary>The version of the safety lexicon that screened the free text.</summary>
    public string SafetyLexiconVersion { get; init; } = string.Empty;

    /// <summary>The ids of <see cref="FiredRules"/>, in order.</summary>
    public IReadOnlyList<string> RuleIds => FiredRules.Select(r => r.RuleId).ToArray();
}
