namespace CoachBot.Host;

/// <summary>Finds the content folder named by <c>Content:Root</c> (default <c>content</c>).</summary>
internal static class ContentRootResolver
{
    public const string Key = "Content:Root";

    public static string Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[Key];
        var value = string.IsNullOrWhiteSpace(configured) ? "content" : configured;
        if (Path.IsPathRooted(value))
        {
            return Directory.Exists(value)
                ? value
                : throw new InvalidOperationException($"{Key}: the folder '{value}' does not exist.");
        }

        // Relative: first against the content root (the repository root under `dotnet run`), then next to the binary.
        foreach (var baseFolder in new[] { environment.ContentRootPath, AppContext.BaseDirectory })
        {
            var candidate = Path.GetFullPath(Path.Combine(baseFolder, value));
            if (Directory.Exists(Path.Combine(candidate, "messages")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"{Key}: no content folder '{value}' was found (looked in the content root and next to the program).");
    }
}
