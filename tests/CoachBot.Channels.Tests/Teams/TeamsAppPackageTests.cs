using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace CoachBot.Channels.Tests.Teams;

public sealed class TeamsAppPackageTests
{
    [Fact]
    public void Manifest_PersonalBotWithGuidPlaceholdersAndIcons()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(TeamsFolder(), "manifest.json")));
        var root = manifest.RootElement;

        Assert.Equal(root.GetProperty("manifestVersion").GetString(), root.GetProperty("$schema").GetString()!.Split('/')[^2].TrimStart('v'));
        Assert.True(Guid.TryParse(root.GetProperty("id").GetString(), out _));
        var bot = Assert.Single(root.GetProperty("bots").EnumerateArray());
        Assert.True(Guid.TryParse(bot.GetProperty("botId").GetString(), out _));
        Assert.Equal(["personal"], bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.True(root.GetProperty("name").GetProperty("short").GetString()!.Length <= 30);
        Assert.True(root.GetProperty("description").GetProperty("short").GetString()!.Length <= 80);
        Assert.All(root.GetProperty("developer").EnumerateObject().Where(p => p.Name.EndsWith("Url", StringComparison.Ordinal)), p => Assert.StartsWith("https://", p.Value.GetString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("color.png", 192, false)]
    [InlineData("outline.png", 32, true)]
    public void Icon_HasTeamsSizeAndAlpha(string name, int size, bool needsTransparency)
    {
        var bytes = File.ReadAllBytes(Path.Combine(TeamsFolder(), name));

        Assert.Equal(0x89, bytes[0]);
        Assert.Equal("PNG", System.Text.Encoding.ASCII.GetString(bytes, 1, 3));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        Assert.Equal(6, bytes[25]); // colour type 6 = RGBA
        Assert.True(!needsTransparency || bytes[25] == 6);
    }

    private static string TeamsFolder([CallerFilePath] string source = "")
    {
        var fromSource = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "teams"));
        if (File.Exists(Path.Combine(fromSource, "manifest.json")))
        {
            return fromSource;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "teams", "manifest.json")))
            {
                return Path.Combine(dir.FullName, "teams");
            }
        }

        throw new DirectoryNotFoundException("teams/manifest.json not found above the source or working directory.");
    }
}
