using CoachBot.Coaching.CheckIns;
using FsCheck;
using FsCheck.Fluent;

namespace CoachBot.Coaching.Tests.Properties;

/// <summary>FsCheck generators over the whole input contract, with free text drawn from every safety class.</summary>
internal static class CheckInGenerators
{
    public static readonly string[] SelfHarmTexts =
    [
        "I want to kill myself", "I'm not suicidal, just fed up", "better off dead", "I can't go on",
        "I want to end it all tonight", "I took pills, goodbye",
    ];

    public static readonly string[] RedFlagTexts =
    [
        "I wet myself without noticing", "numb between my legs", "my leg keeps giving way", "I have a fever",
        "I had a fall yesterday", "I had cancer before", "losing weight without trying", "a pulsing lump in my tummy",
    ];

    private static readonly string?[] OtherTexts =
        [null, "", "all good, a bit stiff", "this pain is killing me", "feeling hopeless", "so anxious", "the pain wakes me up"];

    public static Gen<string?> Text { get; } =
        Gen.Elements(OtherTexts.Concat(SelfHarmTexts).Concat(RedFlagTexts).ToArray());

    public static Gen<RedFlag> RealFlag { get; } = Gen.Elements(Enum.GetValues<RedFlag>().Where(f => f != RedFlag.None).ToArray());

    public static Gen<CheckInInput> Input { get; } =
        from painNow in Gen.Choose(0, 10)
        from session in Nullable(Gen.Choose(0, 10))
        from settled in Nullable(Gen.Elements(true, false))
        from trend in Nullable(Gen.Elements(Enum.GetValues<PainTrend>()))
        from types in Gen.SubListOf(Enum.GetValues<PainType>())
        from below in Gen.Elements(true, false)
        from flags in Gen.Frequency((3, Gen.Constant(new List<RedFlag>())), (1, Gen.SubListOf(Enum.GetValues<RedFlag>())))
        from text in Text
        from sessions in Gen.Choose(0, 8)
        from stable in Gen.Choose(0, 4)
        from flare in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from surgery in Gen.Frequency((3, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 20).Select(w => (int?)w)))
        select new CheckInInput
        {
            PainNow = painNow,
            PainDuringLastSession = session,
            PainNextMorningSettled = settled,
            PainTrendVsLastWeek = trend,
            PainTypes = types.ToHashSet(),
            RadiatesBelowKnee = below,
            RedFlags = flags.ToHashSet(),
            DistressText = text,
            SessionsCompletedLast2Weeks = sessions,
            ConsecutiveStableCheckIns = stable,
            InFlareUp = flare,
            RecentSurgeryWeeks = surgery,
        };

    /// <summary>One added symptom: a pain type, a red flag, more pain now or in the session, not settled, or worse.</summary>
    public static Gen<Func<CheckInInput, CheckInInput>> AddedSymptom { get; } = Gen.OneOf(
        Gen.Elements(Enum.GetValues<PainType>()).Select(t => (Func<CheckInInput, CheckInInput>)(i => i with { PainTypes = i.PainTypes.Append(t).ToHashSet() })),
        Gen.Elements(Enum.GetValues<RedFlag>()).Select(f => (Func<CheckInInput, CheckInInput>)(i => i with { RedFlags = i.RedFlags.Append(f).ToHashSet() })),
        Gen.Constant<Func<CheckInInput, CheckInInput>>(i => i with { PainNow = Math.Min(10, i.PainNow + 1) }),
        // Only a known score gets worse: turning "not answered" (PM-9 holds) into a low score is new information, not a
        // symptom, and may rightly allow progress (FsCheck found 2/null/settled -> hold vs 2/1/settled -> progress).
        Gen.Constant<Func<CheckInInput, CheckInInput>>(i => i.PainDuringLastSession is int p ? i with { PainDuringLastSession = Math.Min(10, p + 1) } : i),
        Gen.Constant<Func<CheckInInput, CheckInInput>>(i => i with { PainNextMorningSettled = false }),
        Gen.Constant<Func<CheckInInput, CheckInInput>>(i => i with { PainTrendVsLastWeek = PainTrend.Worse }),
        Gen.Constant<Func<CheckInInput, CheckInInput>>(i => i with { RadiatesBelowKnee = true }),
        Gen.Constant<Func<CheckInInput, CheckInInput>>(i => i with { InFlareUp = true }));

    /// <summary>One added flag: a reported red flag, or red-flag or self-harm words appended to the free text.</summary>
    public static Gen<Func<CheckInInput, CheckInInput>> AddedFlag { get; } = Gen.OneOf(
        RealFlag.Select(f => (Func<CheckInInput, CheckInInput>)(i => i with { RedFlags = i.RedFlags.Append(f).ToHashSet() })),
        Gen.Elements(SelfHarmTexts.Concat(RedFlagTexts).ToArray())
            .Select(t => (Func<CheckInInput, CheckInInput>)(i => i with { DistressText = $"{i.DistressText} {t}" })));

    private static Gen<T?> Nullable<T>(Gen<T> gen)
        where T : struct => Gen.Frequency((1, Gen.Constant<T?>(null)), (4, gen.Select(v => (T?)v)));
}
