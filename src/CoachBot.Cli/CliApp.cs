using CoachBot.Cli.Commands;
using CoachBot.Cli.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace CoachBot.Cli;

/// <summary>
/// The testable entry point of the <c>coachbot</c> command-line tool: routes the first argument to a command.
/// Exit codes: 0 success, 1 configuration, content or storage problem, 2 bad usage or invalid input,
/// 3 unknown patient, 4 not confirmed.
/// </summary>
public static class CliApp
{
    /// <summary>Runs with the same configuration sources as the host (appsettings.json, environment variables).</summary>
    public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        RunAsync(args, stdin, stdout, stderr, CliConfiguration.Build(), cancellationToken);

    /// <summary>Runs with the given configuration (tests pass their own).</summary>
    public static async Task<int> RunAsync(
        string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var context = new CliContext(stdin, stdout, stderr, configuration);
        var router = new CommandRouter([new DecideCommand(), new PatientExportCommand(), new PatientEraseCommand(), new CoachAddCommand(), new CaseloadRebuildCommand()]);
        return await router.RunAsync(args, context, cancellationToken).ConfigureAwait(false);
    }
}
