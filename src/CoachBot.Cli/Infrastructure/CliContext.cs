using Microsoft.Extensions.Configuration;

namespace CoachBot.Cli.Infrastructure;

/// <summary>What a command may use: the three standard streams and the configuration.</summary>
/// <param name="Stdin">Standard input.</param>
/// <param name="Stdout">Standard output: results only.</param>
/// <param name="Stderr">Standard error: messages and usage.</param>
/// <param name="Configuration">The same configuration the host reads.</param>
public sealed record CliContext(TextReader Stdin, TextWriter Stdout, TextWriter Stderr, IConfiguration Configuration);
