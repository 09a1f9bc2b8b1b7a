namespace CoachBot.Content;

/// <summary>
/// The topic tags lessons may carry. Dialogs map check-in answers to these tags (a reported flare-up
/// to <see cref="FlareUp"/>, soreness to <see cref="Soreness"/>, and so on) and ask
/// <see cref="LessonCatalog.Suggest"/> for a lesson. The content tests fail on a tag not listed here.
/// </summary>
public static class LessonTopics
{
    /// <summary>General reassurance: backs are strong and most pain gets better.</summary>
    public const string Reassurance = "reassurance";

    /// <summary>"Why does it hurt?": how pain works.</summary>
    public const string WhyItHurts = "why-it-hurts";

    /// <summary>Worry that pain means damage.</summary>
    public const string Damage = "damage";

    /// <summary>Fear of movement (STarT Back item 5).</summary>
    public const string Fear = "fear";

    /// <summary>Worrying thoughts (STarT Back item 6) or expecting the worst (item 7).</summary>
    public const string Worry = "worry";

    /// <summary>Pain that has lasted a long time; an over-sensitive alarm.</summary>
    public const string LongLasting = "long-lasting";

    /// <summary>Worries about scans and what they show.</summary>
    public const string Imaging = "imaging";

    /// <summary>Age and the back.</summary>
    public const string Ageing = "ageing";

    /// <summary>Staying active.</summary>
    public const string Movement = "movement";

    /// <summary>Bed rest and resting too much.</summary>
    public const string Rest = "rest";

    /// <summary>Lifting and adding load.</summary>
    public const string Load = "load";

    /// <summary>Getting stronger.</summary>
    public const string Strength = "strength";

    /// <summary>Confidence to move and train.</summary>
    public const string Confidence = "confidence";

    /// <summary>Muscle soreness after training.</summary>
    public const string Soreness = "soreness";

    /// <summary>Sharp or stabbing pain in training.</summary>
    public const string SharpPain = "sharp-pain";

    /// <summary>Flare-ups.</summary>
    public const string FlareUp = "flare-up";

    /// <summary>Setbacks and bad days.</summary>
    public const string Setback = "setback";

    /// <summary>Sleep.</summary>
    public const string Sleep = "sleep";

    /// <summary>Stress.</summary>
    public const string Stress = "stress";

    /// <summary>Low mood (STarT Back item 8).</summary>
    public const string Mood = "mood";

    /// <summary>Posture.</summary>
    public const string Posture = "posture";

    /// <summary>The "weak core" idea.</summary>
    public const string Core = "core";

    /// <summary>Every known topic.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Reassurance, WhyItHurts, Damage, Fear, Worry, LongLasting, Imaging, Ageing, Movement, Rest, Load,
        Strength, Confidence, Soreness, SharpPain, FlareUp, Setback, Sleep, Stress, Mood, Posture, Core,
    ];
}
