using System.Xml.Linq;
using CoachBot.Coaching.Programs;
using CoachBot.Content;
using CoachBot.Dialogs.Tests.Support;
using CoachBot.Testing.Readability;

namespace CoachBot.Dialogs.Tests.Programme;

/// <summary>Every exercise the programme can prescribe shows how: a name, a card with cues, a mistake, easier and harder versions, and a picture.</summary>
public sealed class ExerciseCatalogTests
{
    private static readonly CoachBotContent Content = CoachBotContent.Load(TestContent.Root);

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var exercise in ExerciseCatalog.All)
        {
            data.Add(exercise.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void CatalogueExercise_HasALabel_AndACompleteCard_WithAnSvgPicture(string id)
    {
        Assert.NotNull(ExerciseMessages.TryGetLabel(Content.Messages, id));
        var card = Content.Exercises.Find(id);
        Assert.NotNull(card);
        Assert.InRange(card.Cues.Count, 2, 4);
        Assert.All(card.Cues, c => Assert.False(string.IsNullOrWhiteSpace(c)));
        Assert.False(string.IsNullOrWhiteSpace(card.Setup));
        Assert.False(string.IsNullOrWhiteSpace(card.Mistake));
        Assert.False(string.IsNullOrWhiteSpace(card.Easier));
        Assert.False(string.IsNullOrWhiteSpace(card.Harder));
        var picture = ExerciseGuideCatalog.MediaPath(Content.Root, card.Image);
        Assert.NotNull(picture);
        Assert.Equal(XName.Get("svg", "http://www.w3.org/2000/svg"), XDocument.Load(picture).Root!.Name);
        Assert.Same(card, Content.Exercises.Match("how do I do a " + card.Names[0] + "?"));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void CardText_ReadsAtGrade8OrBelow(string id)
    {
        // The whole card, as the patient reads it (single short cues are too short for the formulas).
        var card = Content.Exercises.Find(id)!;
        var text = string.Join(" ", card.Cues.Prepend(card.Setup).Append(card.Mistake).Append(card.Easier).Append(card.Harder));
        var score = Readability.Analyze(text);
        Assert.True(score.FleschKincaidGrade <= 8 && score.FleschReadingEase >= 60, $"{id}: scores {score}");
    }

    [Fact]
    public void EveryCatalogueSwap_PointsAtACatalogueExercise()
    {
        foreach (var exercise in ExerciseCatalog.All)
        {
            Assert.True(exercise.Easier is null || ExerciseCatalog.Find(exercise.Easier) is not null, exercise.Id);
            Assert.True(exercise.Harder is null || ExerciseCatalog.Find(exercise.Harder) is not null, exercise.Id);
        }
    }
}
