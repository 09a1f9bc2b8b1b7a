using System.Text.RegularExpressions;
using CoachBot.Content;
using CoachBot.Content.Tests.Support;
using CoachBot.Testing.Readability;

namespace CoachBot.Content.Tests;

/// <summary>The shipped lessons in content/education (clinical rules section 11).</summary>
public class LessonFilesTests
{
    public static TheoryData<string> LessonIds()
    {
        var data = new TheoryData<string>();
        foreach (var lesson in ShippedContent.Lessons.All)
        {
            data.Add(lesson.Id);
        }

        return data;
    }

    [Fact]
    public void Lessons_AllTwelveKeyMessages_ArePresentInOrder()
    {
        Assert.Equal(
            [
                "backs-are-strong", "hurt-is-not-harm", "pain-is-an-alarm", "an-alarm-that-is-too-sensitive",
                "what-scans-show", "movement-is-medicine", "load-makes-backs-stronger", "soreness-or-sharp-pain",
                "flare-ups-happen", "sleep-stress-and-mood", "fear-keeps-pain-going", "posture-and-core",
            ],
            ShippedContent.Lessons.All.Select(l => l.Id));
        Assert.Equal(Enumerable.Range(1, 12), ShippedContent.Lessons.All.Select(l => l.Number));
    }

    [Theory]
    [MemberData(nameof(LessonIds))]
    public void Lesson_FrontMatter_HasIdTitleSummaryAndKnownTopics(string id)
    {
        var lesson = ShippedContent.Lessons.GetById(id);

        Assert.False(string.IsNullOrWhiteSpace(lesson.Title));
        Assert.False(string.IsNullOrWhiteSpace(lesson.Summary));
        Assert.NotEmpty(lesson.Topics);
        var unknown = lesson.Topics.Except(LessonTopics.All).ToList();
        Assert.True(unknown.Count == 0, $"'{id}' has unknown topics: {string.Join(", ", unknown)}");
    }

    [Theory]
    [MemberData(nameof(LessonIds))]
    public void Lesson_Body_IsShort(string id)
    {
        var words = Readability.Words(ShippedContent.Lessons.GetById(id).Body).Count;

        Assert.InRange(words, 80, 160);
    }

    [Theory]
    [MemberData(nameof(LessonIds))]
    public void Lesson_Body_EndsWithExactlyOnePracticalTip(string id)
    {
        var body = ShippedContent.Lessons.GetById(id).Body;

        Assert.Single(Regex.Matches(body, @"\*\*Try this:\*\*"));
        Assert.StartsWith("**Try this:**", body.Split("\n\n")[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void LessonTopics_EveryTopic_IsCoveredByALesson()
    {
        var uncovered = LessonTopics.All.Where(t => ShippedContent.Lessons.FindByTopic(t).Count == 0).ToList();

        Assert.True(uncovered.Count == 0, "Topics with no lesson: " + string.Join(", ", uncovered));
    }

    [Theory]
    [InlineData(LessonTopics.FlareUp, "flare-ups-happen")]
    [InlineData(LessonTopics.Soreness, "soreness-or-sharp-pain")]
    [InlineData(LessonTopics.SharpPain, "soreness-or-sharp-pain")]
    [InlineData(LessonTopics.Imaging, "what-scans-show")]
    [InlineData(LessonTopics.Fear, "fear-keeps-pain-going")]
    [InlineData(LessonTopics.Sleep, "sleep-stress-and-mood")]
    [InlineData(LessonTopics.Stress, "sleep-stress-and-mood")]
    [InlineData(LessonTopics.Damage, "hurt-is-not-harm")]
    [InlineData(LessonTopics.WhyItHurts, "pain-is-an-alarm")]
    [InlineData(LessonTopics.LongLasting, "an-alarm-that-is-too-sensitive")]
    [InlineData(LessonTopics.Rest, "movement-is-medicine")]
    [InlineData(LessonTopics.Load, "load-makes-backs-stronger")]
    [InlineData(LessonTopics.Posture, "posture-and-core")]
    [InlineData(LessonTopics.Setback, "flare-ups-happen")]
    [InlineData(LessonTopics.Reassurance, "backs-are-strong")]
    public void Suggest_CheckInConcern_OffersTheMatchingLesson(string topic, string expectedId)
    {
        Assert.Equal(expectedId, ShippedContent.Lessons.Suggest([topic])?.Id);
    }

    [Fact]
    public void Suggest_AfterReadingTheBestMatch_OffersTheNextBest()
    {
        var next = ShippedContent.Lessons.Suggest([LessonTopics.Fear], alreadySeen: ["fear-keeps-pain-going"]);

        Assert.NotNull(next);
        Assert.True(next.HasTopic(LessonTopics.Fear));
    }

    [Fact]
    public void WhatScansShow_Numbers_MatchTheSourceStudy()
    {
        // Clinical rules 11 #5: disc wear in people without pain, 52% at 30 and 80% at 50.
        var body = ShippedContent.Lessons.GetById("what-scans-show").Body;

        Assert.Contains("half of those aged 30", body, StringComparison.Ordinal);
        Assert.Contains("By age 50, it was 8 in 10", body, StringComparison.Ordinal);
    }
}
