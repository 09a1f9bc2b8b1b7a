namespace CoachBot.Coaching.Policy;

/// <summary>A versioned, ordered rule table. Every decision records the <see cref="Version"/> that made it.</summary>
public sealed class RuleSet
{
    /// <summary>Creates a rule set; ids must be unique and tokens must come from <see cref="MessageTokens.All"/>.</summary>
    public RuleSet(string version, IReadOnlyList<CoachingRule> rules)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(rules);
        var duplicate = rules.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Rule id {duplicate.Key} appears more than once.", nameof(rules));
        }

        foreach (var rule in rules)
        {
            _ = MessageTokens.Canonical(rule.Tokens);
        }

        Version = version;
        Rules = rules;
    }

    /// <summary>The version recorded on every decision.</summary>
    public string Version { get; }

    /// <summary>The rules, in table order; fired rules are reported in this order.</summary>
    public IReadOnlyList<CoachingRule> Rules { get; }

    /// <summary>Finds a rule by id.</summary>
    public CoachingRule this[string id] =>
        Rules.FirstOrDefault(r => r.Id == id) ?? throw new KeyNotFoundException($"No rule {id} in rule set {Version}.");
}
