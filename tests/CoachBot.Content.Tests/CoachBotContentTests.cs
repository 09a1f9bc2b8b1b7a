using CoachBot.Content;
using CoachBot.Content.Tests.Support;

namespace CoachBot.Content.Tests;

public class CoachBotContentTests
{
    [Fact]
    public void Load_ShippedContent_LoadsMessagesLessonsCrisisLinesAndWordLists()
    {
        var content = CoachBotContent.Load(ShippedContent.Root);

        Assert.Equal("en", content.Messages.Language);
        Assert.Equal(MessageKeys.All.Count, content.Messages.Keys.Count);
        Assert.Equal(12, content.Lessons.All.Count);
        Assert.Contains("GB", content.CrisisLines.Countries);
        Assert.Contains("answer.notSure", content.Vocabulary.Names);
    }

    [Fact]
    public void Load_KeyMissingFromCatalog_ReportsTheKey()
    {
        using var temp = new TempContent().WithShippedContent();
        var path = Path.Combine("messages", "en.json");
        var json = File.ReadAllText(Path.Combine(temp.Root, path));
        temp.Write(path, json.Replace("\"checkin.ask_pain_now\"", "\"checkin.ask_pain_later\"", StringComparison.Ordinal));

        var ex = Assert.Throws<ContentException>(() => CoachBotContent.Load(temp.Root));

        Assert.Contains(ex.Problems, p => p.Contains("'checkin.ask_pain_now'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_SeveralBrokenFiles_ReportsAllOfThem()
    {
        using var temp = new TempContent().WithShippedContent();
        temp.Write("crisis-lines.json", "{}");
        temp.Write(Path.Combine("education", "13-extra.md"), "no front matter");

        var ex = Assert.Throws<ContentException>(() => CoachBotContent.Load(temp.Root));

        Assert.Contains(ex.Problems, p => p.Contains("13-extra.md", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("'default'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_EmptyFolder_ReportsEachMissingPart()
    {
        using var temp = new TempContent();

        var ex = Assert.Throws<ContentException>(() => CoachBotContent.Load(temp.Root));

        Assert.Equal(4, ex.Problems.Count);
    }

    [Fact]
    public void ContentRootLocator_FromNestedFolder_FindsContentAbove()
    {
        using var temp = new TempContent().WithShippedContent();
        var nested = Path.Combine(Path.GetDirectoryName(temp.Root)!, "bin", "Debug");
        Directory.CreateDirectory(nested);

        Assert.Equal(temp.Root, ContentRootLocator.Find(nested));
    }

    [Fact]
    public void ContentRootLocator_NothingFound_RequireThrowsNamingTheStart()
    {
        using var temp = new TempContent();

        Assert.Null(ContentRootLocator.Find(temp.Root));
        var ex = Assert.Throws<ContentException>(() => ContentRootLocator.Require(temp.Root));
        Assert.Contains(temp.Root, ex.Message, StringComparison.Ordinal);
    }
}
