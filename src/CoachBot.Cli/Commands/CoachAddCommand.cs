using System.Text;
using CoachBot.Cli.Infrastructure;
using CoachBot.Accounts;
using CoachBot.Storage;
using CoachBot.Storage.Hosting;
using Microsoft.Extensions.Configuration;

namespace CoachBot.Cli.Commands;

/// <summary>
/// <c>coach add EMAIL [--name NAME]</c>: creates a coach account in the configured store. The password is read from
/// stdin (the first line; typed without echo at a terminal) and stored only as an ASP.NET Core password hash.
/// Exit codes: 0 created, 1 storage settings or store not usable, 2 bad arguments, bad password or account exists.
/// </summary>
internal sealed class CoachAddCommand : ICliCommand
{
    public IReadOnlyList<string> Words { get; } = ["coach", "add"];

    public string Summary => "EMAIL [--name NAME]: create a coach login; the password is read from stdin";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken)
    {
        if (!TryParse(args, out var email, out var name, out var problem))
        {
            await context.Stderr.WriteLineAsync($"coach add: {problem}{Environment.NewLine}usage: coachbot coach add EMAIL [--name NAME] < password").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        var coachOptions = new CoachAccountOptions();
        context.Configuration.GetSection(CoachAccountOptions.SectionName).Bind(coachOptions);
        if (CoachAccounts.NormalizeEmail(email) is null)
        {
            await context.Stderr.WriteLineAsync($"coach add: '{email}' is not an e-mail address (like sam@example.org).").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        var password = await ReadPasswordAsync(context, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(password))
        {
            await context.Stderr.WriteLineAsync("coach add: no password on stdin. Pipe it in, for example: coachbot coach add sam@example.org < password.txt").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        IStorage storage;
        try
        {
            var storageOptions = new StorageOptions();
            context.Configuration.GetSection(StorageOptions.SectionName).Bind(storageOptions);
            storage = StorageFactory.Create(storageOptions, TimeProvider.System);
            await StorageFactory.InitializeAsync(storage, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or HttpRequestException)
        {
            await context.Stderr.WriteLineAsync($"coach add: the store cannot be opened: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.ConfigurationError;
        }

        try
        {
            var accounts = new CoachAccounts(storage, TimeProvider.System, coachOptions);
            var account = await accounts.AddAsync(email, password, name, cancellationToken).ConfigureAwait(false);
            await context.Stdout.WriteLineAsync($"Coach {account.Email} added.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (CoachAccountException ex)
        {
            await context.Stderr.WriteLineAsync($"coach add: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
        finally
        {
            (storage as IDisposable)?.Dispose();
        }
    }

    private static bool TryParse(IReadOnlyList<string> args, out string email, out string? name, out string problem)
    {
        email = string.Empty;
        name = null;
        problem = string.Empty;
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--name")
            {
                if (i + 1 >= args.Count || string.IsNullOrWhiteSpace(args[i + 1]))
                {
                    problem = "--name needs a value.";
                    return false;
                }

                name = args[++i];
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                problem = $"unknown option '{args[i]}'.";
                return false;
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        if (positional.Count != 1)
        {
            problem = positional.Count == 0 ? "the coach's e-mail address is missing." : $"one e-mail address expected (got {positional.Count}).";
            return false;
        }

        email = positional[0];
        return true;
    }

    private static async Task<string?> ReadPasswordAsync(CliContext context, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(context.Stdin, Console.In) && !Console.IsInputRedirected)
        {
            // At a terminal: do not echo the password.
            await context.Stderr.WriteAsync("Password: ").ConfigureAwait(false);
            var typed = new StringBuilder();
            for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
            {
                if (key.Key == ConsoleKey.Backspace)
                {
                    typed.Length = Math.Max(0, typed.Length - 1);
                }
                else if (!char.IsControl(key.KeyChar))
                {
                    typed.Append(key.KeyChar);
                }
            }

            await context.Stderr.WriteLineAsync().ConfigureAwait(false);
            return typed.ToString();
        }

        return await context.Stdin.ReadLineAsync(cancellationToken).ConfigureAwait(false);
    }
}
