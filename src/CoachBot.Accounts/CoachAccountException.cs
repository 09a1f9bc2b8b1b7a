namespace CoachBot.Accounts;

/// <summary>A coach account could not be created: the message says why, in words for the person typing.</summary>
public sealed class CoachAccountException : Exception
{
    public CoachAccountException()
    {
    }

    public CoachAccountException(string message)
        : base(message)
    {
    }

    public CoachAccountException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
