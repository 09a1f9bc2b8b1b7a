using CoachBot.Coaching.Programs;

namespace CoachBot.Dialogs.Onboarding;

/// <summary>The exercises typed in so far.</summary>
internal sealed class TrainingState
{
    public List<Exercise> Exercises { get; set; } = [];

    public bool Continuing { get; set; }
}
