using CoachBot.Cli.Infrastructure;
using CoachBot.Records;
using CoachBot.Storage;
using CoachBot.Storage.Hosting;
using Microsoft.Extensions.Configuration;

namespace CoachBot.Cli.Commands;

/// <summary>
/// Shared by <c>patient export</c> and <c>patient erase</c>: parses <c>[--config FILE] [--yes] PATIENT_ID</c>, opens the
/// store the host would use (the <c>Storage</c> section of appsettings.json, environment variables, and the
/// optional <c>--config</c> JSON file on top) and finds the patient's data.
/// </summary>
internal abstract class PatientCommandBase : ICliCommand
{
    public abstract IReadOnlyList<string> Words { get; }

    public abstract string Summary { get; }

    /// <summary>Whether the command takes <c>--yes</c>.</summary>
    protected abstract bool AcceptsYes { get; }

    private string Name => string.Join(' ', Words);

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parsed = Parse(args);
        if (parsed.Error is not null)
        {
            await context.Stderr.WriteLineAsync($"{Name}: {parsed.Error}").ConfigureAwait(false);
            await context.Stderr.WriteLineAsync($"usage: coachbot {Name} {(AcceptsYes ? "[--yes] " : "")}[--config FILE] PATIENT_ID").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        IConfiguration configuration = context.Configuration;
        if (parsed.ConfigFile is not null)
        {
            var full = Path.GetFullPath(parsed.ConfigFile);
            if (!File.Exists(full))
            {
                await context.Stderr.WriteLineAsync($"{Name}: --config: no file at '{full}'.").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            try
            {
                configuration = new ConfigurationBuilder().AddConfiguration(context.Configuration).AddJsonFile(full, optional: false).Build();
            }
            catch (InvalidDataException ex)
            {
                await context.Stderr.WriteLineAsync($"{Name}: --config: '{full}' is not valid JSON: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }
        }

        var options = new StorageOptions();
        IStorage storage;
        try
        {
            configuration.GetSection(StorageOptions.SectionName).Bind(options);
            if (options.TryGetProvider(out var provider) && provider == StorageProvider.Sqlite
                && !string.IsNullOrWhiteSpace(options.Sqlite.Path) && !File.Exists(options.Sqlite.Path))
            {
                await context.Stderr.WriteLineAsync(
                    $"{Name}: Storage:Sqlite:Path: there is no database at '{Path.GetFullPath(options.Sqlite.Path)}'.").ConfigureAwait(false);
                return ExitCodes.ConfigurationError;
            }

            storage = StorageFactory.Create(options);
        }
        catch (InvalidOperationException ex)
        {
            await context.Stderr.WriteLineAsync($"{Name}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.ConfigurationError;
        }

        try
        {
            await StorageFactory.InitializeAsync(storage, cancellationToken).ConfigureAwait(false);
            var data = new PatientData(storage);
            var keys = await data.FindAsync(parsed.PatientId!, cancellationToken).ConfigureAwait(false);
            if (keys.IsEmpty)
            {
                await context.Stderr.WriteLineAsync($"{Name}: no data is stored for patient '{parsed.PatientId}' ({options.Provider}).").ConfigureAwait(false);
                return ExitCodes.UnknownPatient;
            }

            return await RunAsync(data, keys, parsed.Yes, context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or HttpRequestException
            or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException or Azure.RequestFailedException or InvalidDataException)
        {
            await context.Stderr.WriteLineAsync($"{Name}: storage failed: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.ConfigurationError;
        }
        finally
        {
            (storage as IDisposable)?.Dispose();
        }
    }

    /// <summary>Runs the command on the patient's keys (there is at least one).</summary>
    protected abstract Task<int> RunAsync(PatientData data, PatientDataKeys keys, bool yes, CliContext context, CancellationToken cancellationToken);

    private (string? PatientId, string? ConfigFile, bool Yes, string? Error) Parse(IReadOnlyList<string> args)
    {
        string? patientId = null;
        string? config = null;
        var yes = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--config":
                    if (i + 1 >= args.Count || string.IsNullOrWhiteSpace(args[i + 1]))
                    {
                        return (null, null, false, "--config needs a file name.");
                    }

                    config = args[++i];
                    break;
                case "--yes" or "-y" when AcceptsYes:
                    yes = true;
                    break;
                case var option when option.StartsWith('-'):
                    return (null, null, false, $"unknown option '{option}'.");
                case var id when patientId is null:
                    patientId = id;
                    break;
                default:
                    return (null, null, false, $"takes one patient id (got '{patientId}' and '{args[i]}').");
            }
        }

        return string.IsNullOrWhiteSpace(patientId)
            ? (null, null, false, "a patient id is required.")
            : (patientId, config, yes, null);
    }
}
