using CoachBot.Content;
using CoachBot.Content.Tests.Support;

namespace CoachBot.Content.Tests;

/// <summary>The word lists of content/vocabulary: the shipped file loads, and every mistake is named by file and entry.</summary>
public sealed class VocabularyTests
{
    [Fact]
    public void ShippedVocabulary_Loads_WithOneNotSureList()
    {
        var vocabulary = ShippedContent.Content.Vocabulary;

        Assert.Equal("vocabulary/en.json", vocabulary.Source);
        Assert.Contains("don't know", vocabulary.Words("answer.notSure"));
        Assert.Contains("can't remember", vocabulary.Words("answer.notSure"));
        Assert.Single(vocabulary.Names, n => n.Contains("notsure", StringComparison.OrdinalIgnoreCase));
        Assert.All(vocabulary.Names, n => Assert.NotEmpty(vocabulary.Words(n)));
    }

    [Theory]
    [InlineData("""{"answer.notSure": ["not sure", "Maybe"]}""", "vocabulary/en.json: answer.notSure[1]: \"Maybe\" must be lower case.")]
    [InlineData("""{"answer.notSure": ["not sure", "not sure"]}""", "vocabulary/en.json: answer.notSure[1]: \"not sure\" appears twice in the list.")]
    [InlineData("""{"answer.notSure": ["not sure", " unsure"]}""", "vocabulary/en.json: answer.notSure[1]: \" unsure\" must be a word or phrase without spaces at either end or doubled.")]
    [InlineData("""{"answer.notSure": ["not sure", 3]}""", "vocabulary/en.json: answer.notSure[1]: must be a string.")]
    [InlineData("""{"answer.notSure": []}""", "vocabulary/en.json: answer.notSure: the list is empty.")]
    [InlineData("""{"answer.notSure": "not sure"}""", "vocabulary/en.json: answer.notSure: must be an array of words.")]
    [InlineData("""{"Answer.NotSure": ["not sure"]}""", "vocabulary/en.json: Answer.NotSure: a list name is lower camel case words joined by dots, like \"answer.notSure\".")]
    [InlineData("""{"a": ["x"], "a": ["y"]}""", "vocabulary/en.json: a: the list appears more than once.")]
    public void Parse_AMistake_IsNamedByFileAndEntry(string json, string problem)
    {
        var error = Assert.Throws<ContentException>(() => Vocabulary.Parse(json, "vocabulary/en.json"));

        Assert.Contains(problem, error.Problems);
    }

    [Fact]
    public void Validate_AListTheCodeUsesIsMissing_NamesFileAndList()
    {
        var vocabulary = Vocabulary.Parse("""{"answer.yes": ["yes"]}""");

        var error = Assert.Throws<ContentException>(() => vocabulary.Validate(["answer.yes", "answer.notSure"]));

        Assert.Equal(["vocabulary/en.json: no word list 'answer.notSure' (the dialogs use it)."], error.Problems);
    }

    [Fact]
    public void Load_BrokenVocabulary_StopsTheContentLoad_NamingTheEntry()
    {
        using var temp = new TempContent().WithShippedContent();
        temp.Write(Path.Combine("vocabulary", "en.json"), """{"answer.yes": ["yes", "YES"]}""");

        var error = Assert.Throws<ContentException>(() => CoachBotContent.Load(temp.Root));

        Assert.Contains("vocabulary/en.json: answer.yes[1]: \"YES\" must be lower case.", error.Problems);
    }
}
