using Microsoft.Extensions.Configuration;

namespace CoachBot.Cli.Infrastructure;

/// <summary>
/// Builds configuration from the same sources as the host: appsettings.json (the repository-root file, copied
/// next to the binary), appsettings.{environment}.json, then environment variables (for example <c>Content__Root</c>).
/// </summary>
public static class CliConfiguration
{
    /// <summary>Builds the configuration.</summary>
    public static IConfiguration Build()
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false)
            .AddJsonFile($"appsettings.{environment}.json", optional: true, reloadOnChange: false)
            .AddEnvironmentVariables()
            .Build();
    }
}
