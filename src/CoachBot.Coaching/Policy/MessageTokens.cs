namespace CoachBot.Coaching.Policy;

/// <summary>
/// The <c>mustMention</c> tokens of clinical rules 0.3, exactly as the acceptance tests match them.
/// <see cref="All"/> is the canonical order; decisions list their tokens in this order.
/// </summary>
public static class MessageTokens
{
    public const string SeekEmergencyCare = "seek emergency care";
    public const string SeeADoctorToday = "see a doctor today";
    public const string CrisisLine = "crisis line";
    public const string CoachWillContactYou = "coach will contact you";
    public const string StopTheExercise = "stop the exercise";
    public const string ReduceTheLoad = "reduce the load";
    public const string KeepMovingGently = "keep moving gently";
    public const string FlareUpPlan = "flare-up plan";
    public const string ConfirmFlareUpStatus = "confirm flare-up status";
    public const string CheckWithYourSurgeon = "check with your surgeon";
    public const string Train2To3TimesAWeek = "train 2-3 times a week";
    public const string IncreaseTheLoadSlightly = "increase the load slightly";
    public const string SorenessIsNormal = "soreness is normal";

    /// <summary>Every token, in the order of the 0.3 table.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        SeekEmergencyCare, SeeADoctorToday, CrisisLine, CoachWillContactYou, StopTheExercise, ReduceTheLoad,
        KeepMovingGently, FlareUpPlan, ConfirmFlareUpStatus, CheckWithYourSurgeon, Train2To3TimesAWeek,
        IncreaseTheLoadSlightly, SorenessIsNormal,
    ];

    /// <summary>Sorts tokens into the canonical order and removes duplicates; unknown tokens are rejected.</summary>
    public static IReadOnlyList<string> Canonical(IEnumerable<string> tokens)
    {
        var set = tokens.ToHashSet(StringComparer.Ordinal);
        var unknown = set.Where(t => !All.Contains(t)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown message token(s): {string.Join(", ", unknown)}.", nameof(tokens));
        }

        return All.Where(set.Contains).ToArray();
    }
}
