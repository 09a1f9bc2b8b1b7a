using CoachBot.Cli.Infrastructure;
using CoachBot.Records.Caseload;
using CoachBot.Storage;
using CoachBot.Storage.Hosting;

namespace CoachBot.Cli.Commands;

/// <summary>
/// <c>caseload rebuild</c>: builds the coaches' caseload summaries and index documents again from the patient,
/// check-in, escalation and assignment records (for a store written before they existed). Reads every record.
/// </summary>
internal sealed class CaseloadRebuildCommand : ICliCommand
{
    public IReadOnlyList<string> Words { get; } = ["caseload", "rebuild"];

    public string Summary => "build the coaches' caseload summaries again from the records";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken)
    {
        if (args.Count > 0)
        {
            await context.Stderr.WriteLineAsync("caseload rebuild: takes no arguments. usage: coachbot caseload rebuild").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        IStorage storage;
        try
        {
            var options = new StorageOptions();
            Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(context.Configuration.GetSection(StorageOptions.SectionName), options);
            storage = StorageFactory.Create(options, TimeProvider.System);
            await StorageFactory.InitializeAsync(storage, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or HttpRequestException)
        {
            await context.Stderr.WriteLineAsync($"caseload rebuild: the store cannot be opened: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.ConfigurationError;
        }

        try
        {
            var count = await CaseloadRebuild.RunAsync(storage, new CaseloadStore(storage, TimeProvider.System), cancellationToken).ConfigureAwait(false);
            await context.Stdout.WriteLineAsync($"Caseload rebuilt: {count} patients.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        finally
        {
            (storage as IDisposable)?.Dispose();
        }
    }
}
