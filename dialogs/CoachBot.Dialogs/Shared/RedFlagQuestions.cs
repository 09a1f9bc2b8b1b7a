using CoachBot.Coaching.CheckIns;

namespace CoachBot.Dialogs.Shared;

/// <summary>The red-flag screen: one yes/no question per flag, the time-critical ones first.</summary>
internal static class RedFlagQuestions
{
    public static IReadOnlyList<(RedFlag Flag, string Key)> All { get; } =
    [
        (RedFlag.BladderBowel, "redflag.ask_bladder_bowel"),
        (RedFlag.SaddleNumbness, "redflag.ask_saddle_numbness"),
        (RedFlag.ProgressiveWeakness, "redflag.ask_leg_weakness"),
        (RedFlag.Fever, "redflag.ask_fever"),
        (RedFlag.RecentTrauma, "redflag.ask_fall_or_accident"),
        (RedFlag.UnexplainedWeightLoss, "redflag.ask_weight_loss"),
        (RedFlag.CancerHistory, "redflag.ask_cancer_history"),
        (RedFlag.NightPain, "redflag.ask_night_pain"),
    ];

    /// <summary>Static history (not a new symptom): asked once, while the answer is not known.</summary>
    public static bool IsStaticHistory(RedFlag flag) => flag is RedFlag.CancerHistory;

    /// <summary>Flags that mean "emergency now" (RF-1): the screen stops at the first one.</summary>
    public static bool IsEmergency(RedFlag flag) => flag is RedFlag.BladderBowel or RedFlag.SaddleNumbness or RedFlag.ProgressiveWeakness;
}
