namespace CoachBot.Coaching.Safety;

/// <summary>One concept that took part in a finding, and the term that matched, as written in content/safety.</summary>
/// <param name="Concept">The concept name, for example <c>saddleRegion</c>.</param>
/// <param name="Term">The content term that matched (never the patient's own words), for example <c>groin</c>.</param>
public sealed record ConceptMatch(string Concept, string Term);
