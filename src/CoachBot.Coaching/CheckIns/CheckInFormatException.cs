namespace CoachBot.Coaching.CheckIns;

/// <summary>Check-in input was rejected; <see cref="Errors"/> names every bad field found.</summary>
public sealed class CheckInFormatException : Exception
{
    /// <summary>Creates the exception from one or more errors.</summary>
    public CheckInFormatException(IReadOnlyList<CheckInError> errors)
        : base(string.Join(Environment.NewLine, errors.Select(e => e.Message)))
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("At least one error is required.", nameof(errors));
        }

        Errors = errors;
    }

    /// <summary>Creates the exception from a message (for serializers).</summary>
    public CheckInFormatException()
        : this([new CheckInError(string.Empty, "Invalid check-in input.")])
    {
    }

    /// <summary>Creates the exception from a message.</summary>
    public CheckInFormatException(string message)
        : this([new CheckInError(string.Empty, message)])
    {
    }

    /// <summary>Creates the exception from a message and an inner exception.</summary>
    public CheckInFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new CheckInError(string.Empty, message)];
    }

    /// <summary>The errors, at least one; the first names the first bad field.</summary>
    public IReadOnlyList<CheckInError> Errors { get; }

    /// <summary>The field of the first error.</summary>
    public string Field => Errors[0].Field;
}
