using CoachBot.Coaching.CheckIns;
using CoachBot.Content;

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

    /// <summary>The question's key at onboarding, where there was no last check-in: the fall question asks about "lately".</summary>
    public static string OnboardingKey(RedFlag flag, string key) => flag == RedFlag.RecentTrauma ? MessageKeys.Redflag.AskFallOrAccidentOnboarding : key;

    /// <summary>The cauda equina and motor-loss flags (RF-1), asked first at onboarding as one list.</summary>
    public static IReadOnlyList<RedFlag> Nerve { get; } = [RedFlag.BladderBowel, RedFlag.SaddleNumbness, RedFlag.ProgressiveWeakness];

    /// <summary>The other flags, asked second at onboarding as one list (cancer only while not known).</summary>
    public static IReadOnlyList<RedFlag> Other { get; } = [.. All.Select(q => q.Flag).Where(f => !Nerve.Contains(f))];

    /// <summary>Static history (not a new symptom): asked once, while the answer is not known.</summary>
    public static bool IsStaticHistory(RedFlag flag) => flag is RedFlag.CancerHistory;

    /// <summary>Flags that mean "emergency now" (RF-1): the screen stops at the first one.</summary>
    public static bool IsEmergency(RedFlag flag) => flag is RedFlag.BladderBowel or RedFlag.SaddleNumbness or RedFlag.ProgressiveWeakness;
}
