namespace CoachBot.Content.Tests.Support;

/// <summary>A throw-away content root in the temp folder, deleted on dispose.</summary>
internal sealed class TempContent : IDisposable
{
    public TempContent()
    {
        Root = Path.Combine(Path.GetTempPath(), "coachbot-content-" + Guid.NewGuid().ToString("N"), "content");
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Copies the shipped content into this root, to then break one thing in it.</summary>
    public TempContent WithShippedContent()
    {
        foreach (var file in Directory.GetFiles(ShippedContent.Root, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(ShippedContent.Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return this;
    }

    public void Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose()
    {
        var parent = Path.GetDirectoryName(Root)!;
        if (Directory.Exists(parent))
        {
            Directory.Delete(parent, recursive: true);
        }
    }
}
