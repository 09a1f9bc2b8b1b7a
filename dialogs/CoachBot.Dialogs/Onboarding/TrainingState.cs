using CoachBot.Coaching.Programs;

namespace CoachBot.Dialogs.Onboarding;

/// <summary>The training answers so far: equipment, experience, and the exercises typed in.</summary>
internal sealed class TrainingState
{
    public List<Exercise> Exercises { get; set; } = [];

    public bool Continuing { get; set; }

    public Equipment Equipment { get; set; }

    public TrainingExperience Experience { get; set; }
}
