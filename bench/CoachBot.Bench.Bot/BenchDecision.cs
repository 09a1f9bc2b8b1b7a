namespace CoachBot.Bench.Bot;

/// <summary>
/// The peer bot's decision rule (decide() in its bot.js), so that the load generator's expected decisions
/// match: pause for high or radiating pain, hold for moderate or sharp pain or pain that did not settle,
/// else progress. Bench only; the product's rules are in CoachBot.Coaching.
/// </summary>
public static class BenchDecision
{
    /// <summary>The kinds of pain the choice prompt offers, in order.</summary>
    public static readonly string[] PainKinds = ["ache", "sharp", "radiating", "stiffness"];

    /// <summary>progress, hold or pause.</summary>
    public static string Decide(int pain, string kind, bool settled)
    {
        if (pain >= 7 || string.Equals(kind, "radiating", StringComparison.Ordinal))
        {
            return "pause";
        }

        if (pain >= 4 || string.Equals(kind, "sharp", StringComparison.Ordinal) || !settled)
        {
            return "hold";
        }

        return "progress";
    }
}
