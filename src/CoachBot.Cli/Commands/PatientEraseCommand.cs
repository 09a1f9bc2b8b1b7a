using CoachBot.Cli.Infrastructure;
using CoachBot.Records;

namespace CoachBot.Cli.Commands;

/// <summary>
/// <c>patient erase [--yes] PATIENT_ID</c>: deletes all of one patient's stored data after confirmation (typing
/// <c>yes</c>, or <c>--yes</c>) and prints what was erased.
/// </summary>
internal sealed class PatientEraseCommand : PatientCommandBase
{
    public override IReadOnlyList<string> Words { get; } = ["patient", "erase"];

    public override string Summary => "[--yes] [--config FILE] PATIENT_ID: delete all of a patient's data";

    protected override bool AcceptsYes => true;

    protected override async Task<int> RunAsync(PatientData data, PatientDataKeys keys, bool yes, CliContext context, CancellationToken cancellationToken)
    {
        var summary = string.Join(", ", keys.Counts.Select(c => $"{c.Count} {c.Kind}"));
        if (!yes)
        {
            await context.Stderr.WriteAsync($"Erase all data of patient '{keys.PatientId}' ({summary})? This cannot be undone. Type yes to erase: ").ConfigureAwait(false);
            await context.Stderr.FlushAsync(cancellationToken).ConfigureAwait(false);
            var answer = await context.Stdin.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (!string.Equals(answer?.Trim(), "yes", StringComparison.OrdinalIgnoreCase))
            {
                await context.Stderr.WriteLineAsync("patient erase: not confirmed; nothing was erased.").ConfigureAwait(false);
                return ExitCodes.NotConfirmed;
            }
        }

        await data.EraseAsync(keys, cancellationToken).ConfigureAwait(false);
        await context.Stdout.WriteLineAsync($"Erased patient '{keys.PatientId}':").ConfigureAwait(false);
        foreach (var (kind, count) in keys.Counts)
        {
            await context.Stdout.WriteLineAsync($"  {kind}: {count}").ConfigureAwait(false);
        }

        await context.Stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
