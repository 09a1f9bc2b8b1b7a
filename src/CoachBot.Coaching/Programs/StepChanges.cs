namespace CoachBot.Coaching.Programs;

/// <summary>
/// Compares the next session with the one shown before, exercise by exercise (same position in the plan), so that the
/// words of a step up, stay or step down are chosen from what actually changed and never from the decision alone.
/// </summary>
public static class StepChanges
{
    /// <summary>The change of each exercise of <paramref name="after"/> against the same position in <paramref name="before"/>.</summary>
    public static IReadOnlyList<DoseChange> Compare(IReadOnlyList<ExerciseDose> before, IReadOnlyList<ExerciseDose> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return [.. after.Select((dose, i) => i < before.Count ? Of(before[i], dose) : DoseChange.New)];
    }

    /// <summary>The change from one dose to the next.</summary>
    public static DoseChange Of(ExerciseDose before, ExerciseDose after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (!string.Equals(before.ExerciseId, after.ExerciseId, StringComparison.Ordinal))
        {
            var from = ExerciseCatalog.Find(before.ExerciseId);
            return from?.Easier == after.ExerciseId ? DoseChange.Easier : from?.Harder == after.ExerciseId ? DoseChange.Harder : DoseChange.New;
        }

        if (after.LoadKg > before.LoadKg)
        {
            return after.Sets >= before.Sets ? DoseChange.MoreWeight : DoseChange.New;
        }

        if (after.LoadKg < before.LoadKg || after.Sets < before.Sets || (after.Sets == before.Sets && after.Reps < before.Reps))
        {
            return after.Sets <= before.Sets && after.Reps <= before.Reps ? DoseChange.Lighter : DoseChange.New;
        }

        if (after.Sets > before.Sets)
        {
            return after.Reps >= before.Reps ? DoseChange.MoreSets : DoseChange.New;
        }

        return after.Reps > before.Reps ? DoseChange.MoreReps : DoseChange.Same;
    }

    /// <summary>The overall direction of a set of changes.</summary>
    public static StepDirection Direction(IReadOnlyList<DoseChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0 || changes.Contains(DoseChange.New))
        {
            return StepDirection.Mixed;
        }

        var up = changes.Any(c => c is DoseChange.MoreReps or DoseChange.MoreWeight or DoseChange.MoreSets or DoseChange.Harder);
        var down = changes.Any(c => c is DoseChange.Lighter or DoseChange.Easier);
        return (up, down) switch
        {
            (false, false) => StepDirection.Same,
            (true, false) => StepDirection.Up,
            (false, true) => StepDirection.Down,
            _ => StepDirection.Mixed,
        };
    }
}
