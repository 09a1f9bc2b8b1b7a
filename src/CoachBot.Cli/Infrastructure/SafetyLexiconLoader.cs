using CoachBot.Coaching.Safety;
using Microsoft.Extensions.Configuration;

namespace CoachBot.Cli.Infrastructure;

/// <summary>
/// Reads content/safety/*.json and parses them into a <see cref="SafetyLexicon"/>. The content root is
/// <c>Content:Root</c> (default <c>content</c>); a relative root is looked for in the current directory, then next
/// to the binary and in its parent folders.
/// </summary>
public static class SafetyLexiconLoader
{
    /// <summary>The configuration key of the content root.</summary>
    public const string ContentRootKey = "Content:Root";

    /// <summary>Loads the lexicon.</summary>
    /// <exception cref="SafetyLexiconException">The folder or a file is missing or malformed.</exception>
    public static SafetyLexicon Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var root = configuration[ContentRootKey] is { Length: > 0 } configured ? configured : "content";
        var folder = FindSafetyFolder(root)
            ?? throw new SafetyLexiconException($"{ContentRootKey}: no safety folder found for content root '{root}'.");
        var files = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList();
        return SafetyLexiconParser.Parse(files.Select(f => new SafetyLexiconSource(Path.GetFileName(f), File.ReadAllText(f))));
    }

    private static string? FindSafetyFolder(string root)
    {
        if (Path.IsPathRooted(root))
        {
            return Existing(Path.Combine(root, "safety"));
        }

        var found = Existing(Path.Combine(Directory.GetCurrentDirectory(), root, "safety"));
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); found is null && dir is not null; dir = dir.Parent)
        {
            found = Existing(Path.Combine(dir.FullName, root, "safety"));
        }

        return found;
    }

    private static string? Existing(string path) => Directory.Exists(path) ? path : null;
}
