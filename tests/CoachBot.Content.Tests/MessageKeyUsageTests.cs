using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CoachBot.Content.Tests;

/// <summary>
/// Every message in content/messages/en.json is used: named in code through <see cref="MessageKeys"/> (a name the
/// catalog lacks does not compile), referenced from other content (the safety rules' follow-up questions), or one of
/// the keys chosen at run time by a coaching-core token or an exercise id. A message nothing uses is a stub.
/// </summary>
public sealed partial class MessageKeyUsageTests
{
    /// <summary>Keys built at run time: <c>token.</c> + a coaching-core token, <c>exercise.label.</c> + an exercise id.</summary>
    private static readonly string[] RunTimePrefixes = ["token.", "exercise.label."];

    [Fact]
    public void EveryCatalogKey_IsUsed()
    {
        var root = RepoRoot();
        var names = typeof(MessageKeys).GetNestedTypes()
            .SelectMany(group => group.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral)
                .Select(f => (Name: group.Name + "." + f.Name, Key: (string)f.GetRawConstantValue()!)))
            .ToDictionary(n => n.Name, n => n.Key, StringComparer.Ordinal);

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in SourceFiles(root))
        {
            var code = File.ReadAllText(file);
            foreach (Match m in Reference().Matches(code))
            {
                if (names.TryGetValue(m.Groups[1].Value, out var key))
                {
                    used.Add(key);
                }
            }

            foreach (Match m in Literal().Matches(code))
            {
                used.Add(m.Groups[1].Value);
            }
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "content"), "*.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.Combine("content", "messages"), StringComparison.Ordinal)))
        {
            CollectStrings(JsonDocument.Parse(File.ReadAllText(file)).RootElement, used);
        }

        var unused = MessageKeys.All
            .Where(k => !used.Contains(k) && !RunTimePrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal)))
            .ToList();

        Assert.True(unused.Count == 0, "Messages nothing uses (use them, or remove them from en.json): " + string.Join(", ", unused));
    }

    [Fact]
    public void TheCheck_FindsAKeyNamedInCode()
    {
        // Guards the scan itself: a key known to be named only through MessageKeys in the dialogs is found.
        var root = RepoRoot();
        var found = SourceFiles(root).Any(f => File.ReadAllText(f).Contains("MessageKeys.Checkin.Reminder", StringComparison.Ordinal));

        Assert.True(found);
    }

    private static IEnumerable<string> SourceFiles(string root) =>
        new[] { "src", "dialogs" }
            .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(root, dir), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static void CollectStrings(JsonElement element, HashSet<string> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                into.Add(element.GetString()!);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectStrings(item, into);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    CollectStrings(property.Value, into);
                }

                break;
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CoachBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CoachBot.sln not found above the test assembly.");
    }

    [GeneratedRegex(@"MessageKeys\.(\w+\.\w+)\b")]
    private static partial Regex Reference();

    [GeneratedRegex("\"([a-z_]+(?:\\.[a-z0-9_]+)+)\"")]
    private static partial Regex Literal();
}
