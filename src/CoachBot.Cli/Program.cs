using CoachBot.Cli;

return await CliApp.RunAsync(args, Console.In, Console.Out, Console.Error).ConfigureAwait(false);

/// <summary>Entry point; internal so that test projects referencing both the host and the tool see one <c>Program</c>.</summary>
internal sealed partial class Program;
