namespace CoachBot.Coaching.Programs;

/// <summary>How one exercise of the next session differs from the one shown before (what a step up or down means).</summary>
public enum DoseChange
{
    /// <summary>Same exercise, weight, sets and reps.</summary>
    Same,

    /// <summary>More reps, same weight and sets.</summary>
    MoreReps,

    /// <summary>More weight (reps may drop back to the bottom of the range).</summary>
    MoreWeight,

    /// <summary>More sets, same weight.</summary>
    MoreSets,

    /// <summary>Swapped to a harder exercise.</summary>
    Harder,

    /// <summary>Less weight, fewer sets or fewer reps.</summary>
    Lighter,

    /// <summary>Swapped to an easier exercise.</summary>
    Easier,

    /// <summary>Not in the last session (a new plan, or back after a pause).</summary>
    New,
}

/// <summary>Whether a change is a step up, none, or a step down.</summary>
public enum StepDirection
{
    /// <summary>Nothing changed.</summary>
    Same,

    /// <summary>At least one step up and no step down.</summary>
    Up,

    /// <summary>At least one step down and no step up.</summary>
    Down,

    /// <summary>Both, or a new plan: no single step sentence fits.</summary>
    Mixed,
}
