namespace CoachBot.Cli.Infrastructure;

/// <summary>Picks the command whose words start the argument list (longest match wins); otherwise prints usage.</summary>
public sealed class CommandRouter(IReadOnlyList<ICliCommand> commands)
{
    /// <summary>Routes and runs. No command or an unknown one prints usage to stderr and returns 2; help prints it to stdout.</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        if (args.Count == 1 && args[0] is "help" or "--help" or "-h")
        {
            await context.Stdout.WriteAsync(Usage()).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var command = commands
            .Where(c => c.Words.Count <= args.Count && c.Words.Select((w, i) => w == args[i]).All(m => m))
            .MaxBy(c => c.Words.Count);
        if (command is null)
        {
            var what = args.Count == 0 ? "no command given" : $"unknown command '{string.Join(' ', args)}'";
            await context.Stderr.WriteAsync($"coachbot: {what}.{Environment.NewLine}{Usage()}").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        return await command.RunAsync(args.Skip(command.Words.Count).ToArray(), context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The usage text.</summary>
    public string Usage()
    {
        var lines = commands.Select(c => $"  {string.Join(' ', c.Words),-16} {c.Summary}");
        return $"usage: coachbot <command> [arguments]{Environment.NewLine}commands:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}{Environment.NewLine}";
    }
}
