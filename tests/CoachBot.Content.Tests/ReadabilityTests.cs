using CoachBot.Content;
using CoachBot.Testing.Readability;

namespace CoachBot.Content.Tests;

public class ReadabilityTests
{
    // Reference example of the Flesch-Kincaid article: 13 words, 26 syllables, one sentence;
    // grade 13.1 and reading ease 24.4.
    [Fact]
    public void Analyze_PlatypusReferenceSentence_MatchesPublishedScores()
    {
        var score = Readability.Analyze("The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.");

        Assert.Equal(13, score.Words);
        Assert.Equal(1, score.Sentences);
        Assert.Equal(26, score.Syllables);
        Assert.Equal(13.08, score.FleschKincaidGrade, 2);
        Assert.Equal(24.44, score.FleschReadingEase, 2);
    }

    // Reference example of the Flesch reading ease article: "The cat sat on the mat." scores 116.
    [Fact]
    public void Analyze_CatSatOnTheMat_MatchesPublishedReadingEase()
    {
        var score = Readability.Analyze("The cat sat on the mat.");

        Assert.Equal(new ReadabilityScore(6, 1, 6), score);
        Assert.Equal(116.145, score.FleschReadingEase, 3);
        Assert.Equal(-1.45, score.FleschKincaidGrade, 2);
    }

    [Fact]
    public void Formulas_FromCounts_MatchHandComputedValues()
    {
        // 20 words per sentence, 1.3 syllables per word.
        var score = new ReadabilityScore(Words: 100, Sentences: 5, Syllables: 130);

        Assert.Equal((0.39 * 20) + (11.8 * 1.3) - 15.59, score.FleschKincaidGrade, 10);
        Assert.Equal(206.835 - (1.015 * 20) - (84.6 * 1.3), score.FleschReadingEase, 10);
        Assert.Equal(7.55, score.FleschKincaidGrade, 2);
        Assert.Equal(76.555, score.FleschReadingEase, 3);
    }

    [Fact]
    public void Analyze_EmptyText_ScoresZeroWordsWithoutDividingByZero()
    {
        var score = Readability.Analyze("  \n ");

        Assert.Equal(0, score.Words);
        Assert.Equal(0, score.FleschKincaidGrade);
        Assert.Equal(100, score.FleschReadingEase);
    }

    [Fact]
    public void Analyze_TwoSentences_CountsBoth()
    {
        var score = Readability.Analyze("Walk a bit. Then rest!");

        Assert.Equal(new ReadabilityScore(5, 2, 5), score);
    }

    [Fact]
    public void Analyze_MarkdownMarkup_IsNotCounted()
    {
        var markdown = "---\nid: x\ntitle: Long front matter words everywhere\n---\n# Rest\n\n**Try this:** walk [a bit](https://example.invalid/page).\n\n- Sleep well\n- Move";

        var words = Readability.Words(markdown);

        Assert.Equal(["Rest", "Try", "this", "walk", "a", "bit", "Sleep", "well", "Move"], words);
        Assert.Equal(4, Readability.Analyze(markdown).Sentences);
    }

    [Fact]
    public void Analyze_Placeholders_AreStrippedBeforeScoring()
    {
        var withPlaceholder = Readability.Analyze("Hi {name}. Call {emergency_number} now.");
        var without = Readability.Analyze("Hi. Call now.");

        Assert.Equal(without, withPlaceholder);
    }

    [Fact]
    public void Analyze_LinesWithoutFullStop_CountAsSentences()
    {
        var score = Readability.Analyze("Here is your plan:\n- Walk each day\n- Rest well");

        Assert.Equal(3, score.Sentences);
    }

    [Fact]
    public void Analyze_DecimalNumber_DoesNotEndASentence()
    {
        var score = Readability.Analyze("Add 2.5 kg next time.");

        Assert.Equal(1, score.Sentences);
    }

    [Theory]
    [InlineData("cat", 1)]
    [InlineData("table", 2)]
    [InlineData("little", 2)]
    [InlineData("settled", 2)]
    [InlineData("called", 1)]
    [InlineData("walked", 1)]
    [InlineData("wanted", 2)]
    [InlineData("makes", 1)]
    [InlineData("boxes", 2)]
    [InlineData("places", 2)]
    [InlineData("changes", 2)]
    [InlineData("going", 2)]
    [InlineData("trying", 2)]
    [InlineData("happy", 2)]
    [InlineData("beyond", 2)]
    [InlineData("radio", 3)]
    [InlineData("usual", 3)]
    [InlineData("movement", 2)]
    [InlineData("safely", 2)]
    [InlineData("careful", 2)]
    [InlineData("sometimes", 2)]
    [InlineData("quiet", 2)]
    [InlineData("patient", 2)]
    [InlineData("experience", 4)]
    [InlineData("easier", 3)]
    [InlineData("serious", 3)]
    [InlineData("people", 2)]
    [InlineData("emergency", 4)]
    [InlineData("department", 3)]
    [InlineData("numbness", 2)]
    [InlineData("exercise", 3)]
    [InlineData("resilience", 4)]
    [InlineData("recovery", 4)]
    [InlineData("anxiety", 4)]
    [InlineData("usually", 4)]
    [InlineData("strength", 1)]
    [InlineData("yesterday", 3)]
    [InlineData("creature", 2)]
    [InlineData("didn't", 2)]
    [InlineData("don't", 1)]
    [InlineData("flare-up", 2)]
    [InlineData("CoachBot", 2)]
    public void CountSyllables_CommonWords_MatchDictionaryCounts(string word, int expected)
    {
        Assert.Equal(expected, Readability.CountSyllables(word));
    }

    [Theory]
    [InlineData("0", 2)]
    [InlineData("7", 2)]
    [InlineData("10", 1)]
    [InlineData("11", 3)]
    [InlineData("30", 2)]
    [InlineData("45", 3)]
    [InlineData("100", 3)]
    [InlineData("911", 3)]
    [InlineData("2-3", 2)]
    public void CountSyllables_Numbers_AreCountedAsSpoken(string number, int expected)
    {
        Assert.Equal(expected, Readability.CountSyllables(number));
    }

    [Theory]
    [InlineData("GP", 2)]
    [InlineData("NHS", 3)]
    [InlineData("OK", 2)]
    public void CountSyllables_Initialisms_AreReadLetterByLetter(string word, int expected)
    {
        Assert.Equal(expected, Readability.CountSyllables(word));
    }

    [Fact]
    public void Analyze_PlainShortSentences_ScoreEasierThanLongWordyOnes()
    {
        var plain = Readability.Analyze("Stop the move that hurts. Rest for a day. Then try it again, but lighter.");
        var wordy = Readability.Analyze("Discontinue the provocative movement immediately, and recommence subsequently with diminished resistance.");

        Assert.True(plain.FleschKincaidGrade < 4, plain.ToString());
        Assert.True(wordy.FleschKincaidGrade > 12, wordy.ToString());
        Assert.True(plain.FleschReadingEase > wordy.FleschReadingEase);
    }
}
