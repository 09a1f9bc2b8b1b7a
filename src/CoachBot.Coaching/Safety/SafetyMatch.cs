namespace CoachBot.Coaching.Safety;

/// <summary>One lexicon entry found in a message.</summary>
/// <param name="Category">The lexicon category: selfHarm, imminence, distress, aorticEmergency, or a red-flag wire value.</param>
/// <param name="Phrase">The lexicon phrase that matched, as written in the lexicon file; never the patient's words.</param>
public sealed record SafetyMatch(string Category, string Phrase);
