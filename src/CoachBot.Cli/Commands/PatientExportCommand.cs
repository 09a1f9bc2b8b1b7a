using System.Text.Json;
using CoachBot.Cli.Infrastructure;
using CoachBot.Records;

namespace CoachBot.Cli.Commands;

/// <summary><c>patient export PATIENT_ID</c>: writes all of one patient's stored data as one JSON object to stdout.</summary>
internal sealed class PatientExportCommand : PatientCommandBase
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public override IReadOnlyList<string> Words { get; } = ["patient", "export"];

    public override string Summary => "[--config FILE] PATIENT_ID: write all of a patient's data as JSON";

    protected override bool AcceptsYes => false;

    protected override async Task<int> RunAsync(PatientData data, PatientDataKeys keys, bool yes, CliContext context, CancellationToken cancellationToken)
    {
        var export = await data.ExportAsync(keys, cancellationToken).ConfigureAwait(false);
        await context.Stdout.WriteLineAsync(export.ToJsonString(Indented)).ConfigureAwait(false);
        await context.Stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
