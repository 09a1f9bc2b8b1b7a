namespace CoachBot.Content;

/// <summary>
/// Finds the content root: a folder named <c>content</c> that holds <c>messages/en.json</c>, in the
/// start folder or any folder above it. Use it when no content root is configured.
/// </summary>
public static class ContentRootLocator
{
    /// <summary>The folder name looked for.</summary>
    public const string FolderName = "content";

    /// <summary>Returns the first content root found walking up from each start folder in turn, or null.</summary>
    public static string? Find(params string[] startFolders)
    {
        ArgumentNullException.ThrowIfNull(startFolders);
        foreach (var start in startFolders.Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, FolderName);
                if (File.Exists(Path.Combine(candidate, "messages", "en.json")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Like <see cref="Find"/>, but throws a clear error when nothing is found.</summary>
    /// <exception cref="ContentException">No content root was found.</exception>
    public static string Require(params string[] startFolders) =>
        Find(startFolders) ?? throw new ContentException(
            $"No '{FolderName}' folder with messages/en.json was found in or above: {string.Join(", ", startFolders)}. Set the content root explicitly.");
}
