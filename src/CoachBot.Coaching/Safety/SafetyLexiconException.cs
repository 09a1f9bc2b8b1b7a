namespace CoachBot.Coaching.Safety;

/// <summary>A safety lexicon document is missing or malformed. The message names the source and the field.</summary>
public sealed class SafetyLexiconException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SafetyLexiconException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SafetyLexiconException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SafetyLexiconException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
