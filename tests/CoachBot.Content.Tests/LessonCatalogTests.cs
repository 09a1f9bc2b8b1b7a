using CoachBot.Content;

namespace CoachBot.Content.Tests;

public class LessonCatalogTests
{
    private const string Valid = """
        ---
        id: sleep-and-pain
        title: Sleep and pain
        summary: Poor sleep turns pain up.
        topics: [sleep, stress]
        ---
        Sleep well. **Try this:** Go to bed at the same time.
        """;

    private static string Lesson(string id, string topics, int words = 10) =>
        $"---\nid: {id}\ntitle: Title {id}\nsummary: About {id}.\ntopics: [{topics}]\n---\n" + string.Join(' ', Enumerable.Repeat("word", words)) + ".";

    private static LessonCatalog CreateSut() => LessonCatalog.FromFiles(
    [
        ("01-first.md", Lesson("first", "fear, worry")),
        ("02-second.md", Lesson("second", "flare-up, setback")),
        ("03-third.md", Lesson("third", "flare-up, fear, sleep")),
    ]);

    [Fact]
    public void Parse_ValidLesson_ReadsFrontMatterAndBody()
    {
        var lesson = LessonCatalog.Parse("07-sleep-and-pain.md", Valid);

        Assert.Equal("sleep-and-pain", lesson.Id);
        Assert.Equal(7, lesson.Number);
        Assert.Equal("Sleep and pain", lesson.Title);
        Assert.Equal("Poor sleep turns pain up.", lesson.Summary);
        Assert.Equal(["sleep", "stress"], lesson.Topics);
        Assert.Equal("Sleep well. **Try this:** Go to bed at the same time.", lesson.Body);
    }

    [Fact]
    public void Parse_BlockListAndQuotedValues_AreRead()
    {
        var text = "---\nid: \"a-b\"\ntitle: 'Hurt: not harm'\nsummary: Short.\ntopics:\n  - fear\n  - damage\n---\nBody.";

        var lesson = LessonCatalog.Parse("01-a-b.md", text);

        Assert.Equal("Hurt: not harm", lesson.Title);
        Assert.Equal(["fear", "damage"], lesson.Topics);
    }

    [Theory]
    [InlineData("1-sleep.md", "file name must look like")]
    [InlineData("01_sleep.md", "file name must look like")]
    [InlineData("01-Sleep.md", "file name must look like")]
    public void Parse_BadFileName_ThrowsNamingTheFile(string fileName, string fragment)
    {
        var ex = Assert.Throws<ContentException>(() => LessonCatalog.Parse(fileName, Valid));

        Assert.Contains(fileName, ex.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title: Sleep and pain\n", "'title'")]
    [InlineData("summary: Poor sleep turns pain up.\n", "'summary'")]
    [InlineData("topics: [sleep, stress]\n", "'topics'")]
    [InlineData("id: sleep-and-pain\n", "'id'")]
    public void Parse_MissingRequiredField_ThrowsNamingTheField(string removedLine, string fieldName)
    {
        var ex = Assert.Throws<ContentException>(() => LessonCatalog.Parse("07-sleep-and-pain.md", Valid.Replace(removedLine, string.Empty, StringComparison.Ordinal)));

        Assert.Contains(fieldName, ex.Message, StringComparison.Ordinal);
        Assert.Contains("07-sleep-and-pain.md", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyTopicList_IsRejected()
    {
        var ex = Assert.Throws<ContentException>(() => LessonCatalog.Parse("07-sleep-and-pain.md", Valid.Replace("[sleep, stress]", "[]", StringComparison.Ordinal)));

        Assert.Contains("'topics'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_IdDifferentFromSlug_IsRejected()
    {
        var ex = Assert.Throws<ContentException>(() => LessonCatalog.Parse("07-sleep.md", Valid));

        Assert.Contains("must equal the file's slug 'sleep'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownField_IsRejected()
    {
        var ex = Assert.Throws<ContentException>(() => LessonCatalog.Parse("07-sleep-and-pain.md", Valid.Replace("topics:", "tpoics: [x]\ntopics:", StringComparison.Ordinal)));

        Assert.Contains("unknown front matter field 'tpoics'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Just a body, no front matter.", "must start with a '---'")]
    [InlineData("---\nid: x\n", "no closing '---'")]
    [InlineData("---\nid x\n---\nBody.", "expected 'key: value'")]
    [InlineData("---\ntopics: [a, b\n---\nBody.", "no closing ']'")]
    [InlineData("---\nid: a\nid: b\n---\nBody.", "'id' appears twice")]
    public void Parse_MalformedFrontMatter_ThrowsWithClearMessage(string text, string fragment)
    {
        var ex = Assert.Throws<ContentException>(() => LessonCatalog.Parse("01-x.md", text));

        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyBody_IsRejected()
    {
        var ex = Assert.Throws<ContentException>(() => LessonCatalog.Parse("01-x.md", Lesson("x", "fear", words: 0).Replace(".", string.Empty, StringComparison.Ordinal)));

        Assert.Contains("body is empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFiles_DuplicateIdsAndNumbers_ReportsBoth()
    {
        var ex = Assert.Throws<ContentException>(() => LessonCatalog.FromFiles(
        [
            ("01-same.md", Lesson("same", "fear")),
            ("02-same.md", Lesson("same", "fear")),
            ("02-other.md", Lesson("other", "fear")),
        ]));

        Assert.Contains(ex.Problems, p => p.Contains("id 'same'", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("number 02", StringComparison.Ordinal));
    }

    [Fact]
    public void FromFiles_SeveralBadFiles_ReportsEachFile()
    {
        var ex = Assert.Throws<ContentException>(() => LessonCatalog.FromFiles(
        [
            ("01-a.md", "no front matter"),
            ("02-b.md", Lesson("wrong", "fear")),
        ]));

        Assert.Contains(ex.Problems, p => p.Contains("01-a.md", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("02-b.md", StringComparison.Ordinal));
    }

    [Fact]
    public void GetById_KnownIdAnyCase_ReturnsLesson()
    {
        Assert.Equal(2, CreateSut().GetById("SECOND").Number);
    }

    [Fact]
    public void GetById_UnknownId_ThrowsNamingTheId()
    {
        var ex = Assert.Throws<ContentException>(() => CreateSut().GetById("nope"));

        Assert.Contains("'nope'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindByNumber_MenuNumber_ReturnsLessonOrNull()
    {
        var sut = CreateSut();

        Assert.Equal("third", sut.FindByNumber(3)?.Id);
        Assert.Null(sut.FindByNumber(9));
    }

    [Fact]
    public void FindByTopic_Topic_ReturnsLessonsInMenuOrder()
    {
        Assert.Equal(["second", "third"], CreateSut().FindByTopic("Flare-Up").Select(l => l.Id));
    }

    [Fact]
    public void Suggest_MoreMatchingTopics_WinsOverLowerNumber()
    {
        Assert.Equal("third", CreateSut().Suggest(["sleep", "flare-up"])?.Id);
    }

    [Fact]
    public void Suggest_FirstTopicWeighsMost()
    {
        var sut = CreateSut();

        Assert.Equal("first", sut.Suggest(["worry", "flare-up"])?.Id);
        Assert.Equal("second", sut.Suggest(["setback", "worry"])?.Id);
    }

    [Fact]
    public void Suggest_LessonsMainTopic_WinsOverASideTopic()
    {
        var sut = LessonCatalog.FromFiles(
        [
            ("01-side.md", Lesson("side", "worry, fear")),
            ("02-main.md", Lesson("main", "fear")),
        ]);

        Assert.Equal("main", sut.Suggest(["fear"])?.Id);
    }

    [Fact]
    public void Suggest_AlreadySeen_IsSkipped()
    {
        Assert.Equal("second", CreateSut().Suggest(["flare-up", "sleep"], alreadySeen: ["third"])?.Id);
    }

    [Fact]
    public void Suggest_NoMatch_ReturnsNull()
    {
        Assert.Null(CreateSut().Suggest(["posture"]));
        Assert.Null(CreateSut().Suggest([]));
    }

    [Fact]
    public void Menu_ListsNumberIdAndTitleInOrder()
    {
        var menu = CreateSut().Menu();

        Assert.Equal([1, 2, 3], menu.Select(m => m.Number));
        Assert.Equal(new LessonMenuItem(1, "first", "Title first"), menu[0]);
    }

    [Fact]
    public void Load_MissingFolder_ThrowsNamingTheFolder()
    {
        using var temp = new Support.TempContent();

        var ex = Assert.Throws<ContentException>(() => LessonCatalog.Load(temp.Root));

        Assert.Contains("education", ex.Message, StringComparison.Ordinal);
    }
}
