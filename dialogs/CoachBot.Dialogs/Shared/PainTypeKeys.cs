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

    /// <summary>The word list (content/vocabulary) of extra words that pick each pain type.</summary>
    public static IReadOnlyDictionary<PainType, string> WordLists { get; } = new Dictionary<PainType, string>
    {
        [PainType.Ache] = Shared.WordLists.PainTypeAche,
        [PainType.Stiffness] = Shared.WordLists.PainTypeStiffness,
        [PainType.Soreness] = Shared.WordLists.PainTypeSoreness,
        [PainType.Sharp] = Shared.WordLists.PainTypeSharp,
        [PainType.Radiating] = Shared.WordLists.PainTypeRadiating,
        [PainType.Numbness] = Shared.WordLists.PainTypeNumbness,
        [PainType.Burning] = Shared.WordLists.PainTypeBurning,
    };
}
