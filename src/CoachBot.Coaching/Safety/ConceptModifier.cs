namespace CoachBot.Coaching.Safety;

/// <summary>
/// A ConText-style modifier of a concept mention. Any of them silences a red-flag rule that lists it; none of them
/// ever silences self-harm language (DS-1, DS-2).
/// </summary>
public enum ConceptModifier
{
    /// <summary>Denied: "no numbness", "my bladder is fine".</summary>
    Negated,

    /// <summary>About someone else: "my mum has bladder problems".</summary>
    OtherPerson,

    /// <summary>A what-if: "what should I do if my legs go numb?".</summary>
    Hypothetical,

    /// <summary>Long past: "I fell off my bike when I was 12".</summary>
    Historical,
}
