namespace CoachBot.Cli.Infrastructure;

/// <summary>Process exit codes of the tool.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>Configuration or content could not be loaded.</summary>
    public const int ConfigurationError = 1;

    /// <summary>Unknown command, bad arguments, or invalid input.</summary>
    public const int InvalidInput = 2;

    /// <summary>No data is stored for the patient id given (<c>patient export</c>, <c>patient erase</c>).</summary>
    public const int UnknownPatient = 3;

    /// <summary><c>patient erase</c> was not confirmed; nothing was erased.</summary>
    public const int NotConfirmed = 4;
}
