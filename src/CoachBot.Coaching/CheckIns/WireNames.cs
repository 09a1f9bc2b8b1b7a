namespace CoachBot.Coaching.CheckIns;

/// <summary>
/// The exact wire strings of the check-in enums (clinical rules 1.1), in both directions.
/// Matching is ordinal and case-sensitive: the wire format is lowercase.
/// </summary>
public static class WireNames
{
    private static readonly (PainTrend Value, string Name)[] Trends =
        [(PainTrend.Better, "better"), (PainTrend.Same, "same"), (PainTrend.Worse, "worse")];

    private static readonly (PainType Value, string Name)[] PainTypes =
    [
        (PainType.Ache, "ache"), (PainType.Stiffness, "stiffness"), (PainType.Soreness, "soreness"),
        (PainType.Sharp, "sharp"), (PainType.Radiating, "radiating"), (PainType.Numbness, "numbness"),
        (PainType.Burning, "burning"),
    ];

    private static readonly (RedFlag Value, string Name)[] RedFlags =
    [
        (RedFlag.BladderBowel, "bladder_bowel"), (RedFlag.SaddleNumbness, "saddle_numbness"),
        (RedFlag.ProgressiveWeakness, "progressive_weakness"), (RedFlag.Fever, "fever"),
        (RedFlag.UnexplainedWeightLoss, "unexplained_weight_loss"), (RedFlag.CancerHistory, "cancer_history"),
        (RedFlag.RecentTrauma, "recent_trauma"), (RedFlag.NightPain, "night_pain"), (RedFlag.None, "none"),
    ];

    /// <summary>All wire values of <see cref="PainTrend"/>, in contract order.</summary>
    public static IReadOnlyList<string> PainTrendNames { get; } = Trends.Select(t => t.Name).ToArray();

    /// <summary>All wire values of <see cref="PainType"/>, in contract order.</summary>
    public static IReadOnlyList<string> PainTypeNames { get; } = PainTypes.Select(t => t.Name).ToArray();

    /// <summary>All wire values of <see cref="RedFlag"/>, in contract order (<c>none</c> last).</summary>
    public static IReadOnlyList<string> RedFlagNames { get; } = RedFlags.Select(t => t.Name).ToArray();

    /// <summary>The wire value of a trend.</summary>
    public static string ToWire(PainTrend value) => Trends.First(t => t.Value == value).Name;

    /// <summary>The wire value of a pain type.</summary>
    public static string ToWire(PainType value) => PainTypes.First(t => t.Value == value).Name;

    /// <summary>The wire value of a red flag.</summary>
    public static string ToWire(RedFlag value) => RedFlags.First(t => t.Value == value).Name;

    /// <summary>Parses a trend wire value; false when unknown.</summary>
    public static bool TryParse(string name, out PainTrend value) => TryFind(Trends, name, out value);

    /// <summary>Parses a pain type wire value; false when unknown.</summary>
    public static bool TryParse(string name, out PainType value) => TryFind(PainTypes, name, out value);

    /// <summary>Parses a red flag wire value; false when unknown.</summary>
    public static bool TryParse(string name, out RedFlag value) => TryFind(RedFlags, name, out value);

    private static bool TryFind<T>((T Value, string Name)[] table, string name, out T value)
        where T : struct
    {
        foreach (var (v, n) in table)
        {
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                value = v;
                return true;
            }
        }

        value = default;
        return false;
    }
}
