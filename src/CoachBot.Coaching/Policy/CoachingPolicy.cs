using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Safety;

namespace CoachBot.Coaching.Policy;

/// <summary>
/// Decides progress, hold or pause for one check-in by evaluating every rule of a <see cref="RuleSet"/> and
/// combining the fired rules as clinical rules 1.2 says. Pure: no I/O, no clock.
/// </summary>
public static class CoachingPolicy
{
    /// <summary>Decides with the current rule set (<see cref="ClinicalRuleSet.Current"/>).</summary>
    /// <exception cref="CheckInFormatException">A value is out of the 1.1 ranges.</exception>
    public static CoachingDecision Decide(CheckInInput input, SafetyLexicon lexicon) =>
        Decide(input, lexicon, ClinicalRuleSet.Current);

    /// <summary>Decides with the given rule set.</summary>
    /// <exception cref="CheckInFormatException">A value is out of the 1.1 ranges.</exception>
    public static CoachingDecision Decide(CheckInInput input, SafetyLexicon lexicon, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(rules);
        input.EnsureValid();
        var facts = RuleFacts.From(input, lexicon);

        var fired = new List<(CoachingRule Rule, string Reason)>();
        Evaluate(rules, RuleStage.Condition, new RuleEvaluation(facts, Escalation.None), fired);
        if (!fired.Any(f => f.Rule.Decision is not null))
        {
            Evaluate(rules, RuleStage.WhenNoDecision, new RuleEvaluation(facts, Escalation.None), fired);
        }

        var escalation = fired.Select(f => f.Rule.Escalation).DefaultIfEmpty(Escalation.None).Max();
        Evaluate(rules, RuleStage.AfterEscalation, new RuleEvaluation(facts, escalation), fired);

        return Combine(rules, fired, escalation, lexicon.Version);
    }

    /// <summary>Steps 2-4 of 1.2: decision, escalation and mentions from fired rules, reported in table order.</summary>
    internal static CoachingDecision Combine(
        RuleSet rules, IReadOnlyList<(CoachingRule Rule, string Reason)> fired, Escalation escalation, string lexiconVersion)
    {
        var decision = fired.Where(f => f.Rule.Decision is not null).Select(f => f.Rule.Decision!.Value).Max();
        var ordered = fired.OrderBy(f => IndexOf(rules, f.Rule)).ToList();
        return new CoachingDecision
        {
            Decision = decision,
            Escalation = escalation,
            MustMention = Mentions(ordered.Select(f => f.Rule), decision, escalation),
            FiredRules = ordered.Select(f => new FiredRule(f.Rule.Id, f.Reason)).ToArray(),
            RuleSetVersion = rules.Version,
            SafetyLexiconVersion = lexiconVersion,
        };
    }

    private static void Evaluate(RuleSet rules, RuleStage stage, RuleEvaluation evaluation, List<(CoachingRule, string)> fired)
    {
        foreach (var rule in rules.Rules.Where(r => r.Stage == stage))
        {
            if (rule.Evaluate(evaluation) is { } reason)
            {
                fired.Add((rule, reason));
            }
        }
    }

    private static int IndexOf(RuleSet rules, CoachingRule rule)
    {
        for (var i = 0; i < rules.Rules.Count; i++)
        {
            if (ReferenceEquals(rules.Rules[i], rule))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    /// <summary>The mention rules of 1.2 step 4.</summary>
    private static IReadOnlyList<string> Mentions(IEnumerable<CoachingRule> fired, Decision decision, Escalation escalation)
    {
        var tokens = new List<string>();
        foreach (var rule in fired)
        {
            var keep = escalation <= Escalation.Routine
                || rule.Escalation == escalation
                || rule.Id is RuleTable.DS1 or RuleTable.DS2;
            if (keep)
            {
                tokens.AddRange(rule.Tokens);
            }
        }

        if (decision == Decision.Pause)
        {
            tokens.RemoveAll(t => t == MessageTokens.Train2To3TimesAWeek);
        }

        return MessageTokens.Canonical(tokens);
    }
}
