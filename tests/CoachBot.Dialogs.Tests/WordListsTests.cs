using CoachBot.Content;
using CoachBot.Dialogs.Shared;
using CoachBot.Dialogs.Tests.Support;

namespace CoachBot.Dialogs.Tests;

/// <summary>The dialogs recognise words only from content/vocabulary: every list there is used, every list used is there.</summary>
public sealed class WordListsTests
{
    [Fact]
    public void ShippedVocabulary_HasExactlyTheListsTheDialogsUse()
    {
        var vocabulary = Vocabulary.Load(TestContent.Root);

        Assert.Empty(vocabulary.FindMissing(DialogsServiceCollectionExtensions.RequiredWordLists));
        Assert.Empty(vocabulary.Names.Except(DialogsServiceCollectionExtensions.RequiredWordLists, StringComparer.Ordinal));
    }

    [Fact]
    public void EveryWordList_IsUsedByADialog()
    {
        var dialogs = Path.Combine(RepoRootOf(TestContent.Root), "dialogs", "CoachBot.Dialogs");
        var source = string.Join(
            "\n",
            Directory.EnumerateFiles(dialogs, "*.cs", SearchOption.AllDirectories)
                .Where(f => Path.GetFileName(f) != "WordLists.cs" && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Select(File.ReadAllText));
        var names = typeof(WordLists).GetFields().Where(f => f.IsLiteral).Select(f => f.Name).ToList();

        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.True(source.Contains("WordLists." + n, StringComparison.Ordinal), $"WordLists.{n} is not used by any dialog."));
    }

    [Fact]
    public void Startup_VocabularyMissingAList_Throws_NamingIt()
    {
        var vocabulary = Vocabulary.Parse("""{"answer.yes": ["yes"]}""");

        var error = Assert.Throws<ContentException>(() => vocabulary.Validate(DialogsServiceCollectionExtensions.RequiredWordLists));

        Assert.Contains("vocabulary/en.json: no word list 'answer.notSure' (the dialogs use it).", error.Problems);
    }

    private static string RepoRootOf(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CoachBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (CoachBot.sln).");
    }
}
