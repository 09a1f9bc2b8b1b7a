namespace CoachBot.Coaching.Screening;

/// <summary>STarT Back item 9: overall bother from back pain in the last 2 weeks.</summary>
public enum Bothersomeness
{
    /// <summary>Not at all (scores 0).</summary>
    NotAtAll,

    /// <summary>Slightly (scores 0).</summary>
    Slightly,

    /// <summary>Moderately (scores 0).</summary>
    Moderately,

    /// <summary>Very much (scores 1).</summary>
    VeryMuch,

    /// <summary>Extremely (scores 1).</summary>
    Extremely,
}
