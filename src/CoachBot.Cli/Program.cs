using CoachBot.Cli;

return await CliApp.RunAsync(args, Console.In, Console.Out, Console.Error).ConfigureAwait(false);

/// <summary>
/// The tool's entry point, kept internal: the CLI now references the ASP.NET Core framework (through storage), whose
/// generator would otherwise make <c>Program</c> public and clash with the host's <c>Program</c> in test projects.
/// </summary>
internal sealed partial class Program;
