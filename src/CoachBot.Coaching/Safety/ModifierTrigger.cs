namespace CoachBot.Coaching.Safety;

/// <summary>A phrase that modifies the concept mentions after it (forward) or before it (backward).</summary>
/// <param name="Modifier">What it does to them; null for a pseudo-trigger ("no idea"), which only stops its words from triggering.</param>
/// <param name="Backward">True when it modifies the words before it ("numbness has gone").</param>
/// <param name="Phrase">The trigger words.</param>
public sealed record ModifierTrigger(ConceptModifier? Modifier, bool Backward, LexiconPhrase Phrase);
