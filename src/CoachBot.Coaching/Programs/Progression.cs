namespace CoachBot.Coaching.Programs;

/// <summary>One progression step for one exercise (clinical rules 8.2).</summary>
public static class Progression
{
    /// <summary>Days that must pass after an increase before the next one (at most one increase per week).</summary>
    public const int DaysBetweenIncreases = 7;

    /// <summary>
    /// Double progression, one variable at a time: add a rep while below the top of the range; at the top, add one
    /// load step (see <see cref="LoadSteps.NextLoad"/>) and drop back to the bottom of the range. Bodyweight
    /// exercises at the top of the range swap to the catalogue's harder version when the patient has what it needs
    /// (bottom of its range, starting load), else stay (a coach changes the exercise). Nothing changes within a week
    /// of the last increase.
    /// </summary>
    public static Exercise Next(Exercise exercise, DateOnly today, ICollection<string> notes, Equipment available = Equipment.None)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(notes);
        if (exercise.LastIncreaseOn is DateOnly last && today.DayNumber - last.DayNumber < DaysBetweenIncreases)
        {
            notes.Add($"{exercise.Id}: increased on {last:yyyy-MM-dd}, no second increase within a week");
            return exercise;
        }

        if (exercise.Reps < exercise.RepRangeMax)
        {
            notes.Add($"{exercise.Id}: reps {exercise.Reps} -> {exercise.Reps + 1}");
            return exercise with { Reps = exercise.Reps + 1, LastIncreaseOn = today };
        }

        if (exercise.LoadKg <= 0 && ExerciseCatalog.Find(ExerciseCatalog.Find(exercise.Id)?.Harder) is { } harder && harder.FitsEquipment(available))
        {
            notes.Add($"{exercise.Id}: top of its range; harder version {harder.Id} at {harder.RepRangeMin} reps");
            return ExerciseCatalog.StartFor(harder.Id, exercise.Sets, available) with { LastIncreaseOn = today };
        }

        if (exercise.LoadKg <= 0)
        {
            notes.Add($"{exercise.Id}: bodyweight at the top of its range; a coach may choose a harder variation");
            return exercise;
        }

        var load = LoadSteps.NextLoad(exercise);
        notes.Add($"{exercise.Id}: load {exercise.LoadKg} -> {load} kg, reps back to {exercise.RepRangeMin}");
        return exercise with { LoadKg = load, Reps = exercise.RepRangeMin, LastIncreaseOn = today };
    }
}
