using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Safety;

namespace CoachBot.Coaching.Policy;

/// <summary>
/// A check-in after the normalisation of clinical rules 1.1: real red flags (ignoring <c>none</c>, adding flags
/// found in the free text), the derived <see cref="Radicular"/> and <see cref="KnownStable"/> facts, and the
/// safety findings of the free text.
/// </summary>
public sealed record RuleFacts
{
    private RuleFacts(CheckInInput input, SafetyFindings safety, IReadOnlySet<RedFlag> redFlags)
    {
        Input = input;
        Safety = safety;
        RedFlags = redFlags;
    }

    /// <summary>The check-in as given.</summary>
    public CheckInInput Input { get; }

    /// <summary>What the safety screen found in <see cref="CheckInInput.DistressText"/>.</summary>
    public SafetyFindings Safety { get; }

    /// <summary>Real red flags: the reported ones without <c>none</c>, plus any found in the free text.</summary>
    public IReadOnlySet<RedFlag> RedFlags { get; }

    /// <summary>Radicular = pain radiates below the knee, or numbness is reported.</summary>
    public bool Radicular => Input.RadiatesBelowKnee || Has(PainType.Numbness);

    /// <summary>Known-stable = at least 2 previous stable check-ins and a trend of same or better.</summary>
    public bool KnownStable =>
        Input.ConsecutiveStableCheckIns >= 2 && Input.PainTrendVsLastWeek is PainTrend.Same or PainTrend.Better;

    /// <summary>Builds the facts for a check-in, screening its free text with the lexicon.</summary>
    public static RuleFacts From(CheckInInput input, SafetyLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(lexicon);
        var safety = SafetyScreen.Screen(lexicon, input.DistressText);
        var flags = input.RedFlags.Where(f => f != RedFlag.None).Concat(safety.RedFlags).ToHashSet();
        return new RuleFacts(input, safety, flags);
    }

    /// <summary>Whether a pain type was reported.</summary>
    public bool Has(PainType type) => Input.PainTypes.Contains(type);

    /// <summary>Whether a red flag is present (reported or found in text).</summary>
    public bool Has(RedFlag flag) => RedFlags.Contains(flag);

    /// <summary>Describes where a flag came from, for rule reasons.</summary>
    public string Source(RedFlag flag) =>
        Input.RedFlags.Contains(flag) ? $"{WireNames.ToWire(flag)} reported" : $"{WireNames.ToWire(flag)} found in free text";
}
