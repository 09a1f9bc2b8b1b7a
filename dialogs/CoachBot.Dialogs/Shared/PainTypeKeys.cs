using CoachBot.Coaching.CheckIns;

namespace CoachBot.Dialogs.Shared;

/// <summary>The button label key of each pain type.</summary>
internal static class PainTypeKeys
{
    public static IReadOnlyDictionary<PainType, string> All { get; } = new Dictionary<PainType, string>
    {
        [PainType.Ache] = "checkin.pain_types.option.ache",
        [PainType.Stiffness] = "checkin.pain_types.option.stiffness",
        [PainType.Soreness] = "checkin.pain_types.option.soreness",
        [PainType.Sharp] = "checkin.pain_types.option.sharp",
        [PainType.Radiating] = "checkin.pain_types.option.radiating",
        [PainType.Numbness] = "checkin.pain_types.option.numbness",
        [PainType.Burning] = "checkin.pain_types.option.burning",
    };

    /// <summary>Extra words that pick a pain type (recognizer word lists).</summary>
    public static IReadOnlyDictionary<PainType, string[]> Synonyms { get; } = new Dictionary<PainType, string[]>
    {
        [PainType.Ache] = ["ache", "achy", "aching", "dull"],
        [PainType.Stiffness] = ["stiff", "stiffness", "tight"],
        [PainType.Soreness] = ["sore", "soreness", "muscles"],
        [PainType.Sharp] = ["sharp", "stabbing", "stab", "shooting"],
        [PainType.Radiating] = ["spreads", "spreading", "buttock", "leg", "radiating"],
        [PainType.Numbness] = ["numb", "numbness", "tingling", "pins"],
        [PainType.Burning] = ["burning", "burns", "hot"],
    };
}
