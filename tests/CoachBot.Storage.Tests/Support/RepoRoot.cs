using System.Reflection;

namespace CoachBot.Storage.Tests.Support;

/// <summary>Finds the repository root (where CoachBot.sln is).</summary>
public static class RepoRoot
{
    public static string Find()
    {
        var built = typeof(RepoRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        var candidates = new[] { built, AppContext.BaseDirectory, Directory.GetCurrentDirectory() };
        foreach (var start in candidates.OfType<string>())
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CoachBot.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Could not find the repository root (CoachBot.sln) from the test assembly.");
    }
}
