namespace CoachBot.Cli.Infrastructure;

/// <summary>One command of the tool, such as <c>decide</c>. Later: <c>coach add</c>, <c>patient export</c>, <c>patient erase</c>.</summary>
public interface ICliCommand
{
    /// <summary>The words that select the command (for example ["decide"] or ["patient", "export"]).</summary>
    IReadOnlyList<string> Words { get; }

    /// <summary>One line for the usage text: arguments and what it does.</summary>
    string Summary { get; }

    /// <summary>Runs the command with the arguments after its words; returns the exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken);
}
