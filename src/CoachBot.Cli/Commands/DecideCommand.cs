using CoachBot.Cli.Infrastructure;
using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Safety;

namespace CoachBot.Cli.Commands;

/// <summary>
/// <c>decide</c>: reads one check-in object or an array of them from stdin and writes
/// <c>{"decision","escalation","mustMention","rules"}</c> for each. Everything is validated before anything is
/// printed; invalid input exits 2 with the field (and array index) on stderr and nothing on stdout.
/// </summary>
internal sealed class DecideCommand : ICliCommand
{
    public IReadOnlyList<string> Words { get; } = ["decide"];

    public string Summary => "read check-in JSON (object or array) from stdin; write decisions as JSON";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken)
    {
        if (args.Count > 0)
        {
            await context.Stderr.WriteLineAsync($"decide: takes no arguments (got '{string.Join(' ', args)}'); input comes from stdin.").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        SafetyLexicon lexicon;
        try
        {
            lexicon = SafetyLexiconLoader.Load(context.Configuration);
        }
        catch (Exception ex) when (ex is SafetyLexiconException or IOException or UnauthorizedAccessException)
        {
            await context.Stderr.WriteLineAsync($"decide: cannot load the safety lexicon: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.ConfigurationError;
        }

        var text = await context.Stdin.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        CheckInBatch batch;
        try
        {
            batch = CheckInJson.ParseBatch(text);
        }
        catch (CheckInFormatException ex)
        {
            foreach (var error in ex.Errors)
            {
                await context.Stderr.WriteLineAsync($"decide: invalid input: {error.Message}").ConfigureAwait(false);
            }

            return ExitCodes.InvalidInput;
        }

        var decisions = batch.Items.Select(i => CoachingPolicy.Decide(i, lexicon)).ToList();
        await context.Stdout.WriteAsync(DecisionJson.Write(decisions, batch.IsArray)).ConfigureAwait(false);
        await context.Stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
