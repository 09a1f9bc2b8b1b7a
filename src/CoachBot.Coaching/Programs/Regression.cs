namespace CoachBot.Coaching.Programs;

/// <summary>One step down for one exercise after a session that was too hard (clinical rules 8.4, rule PM-6).</summary>
public static class Regression
{
    /// <summary>
    /// The step down. A loaded exercise whose load the equipment can cut by 10-20% gets the cut (8.4). Otherwise, or
    /// when <paramref name="again"/> (the last session was already a step down and was still too hard), the exercise
    /// swaps to the catalogue's easier version when the patient has what it needs and it is not in the plan already
    /// (<paramref name="inPlan"/>, which the swap adds to): at the bottom of its range and its starting load. Else one
    /// set fewer (<see cref="LoadSteps.Deload"/>).
    /// </summary>
    public static Exercise Next(Exercise exercise, ISet<string> inPlan, Equipment available, bool again, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(inPlan);
        ArgumentNullException.ThrowIfNull(notes);
        var canCut = LoadSteps.CanCutLoad(exercise);
        if ((again || !canCut) && Easier(exercise, inPlan, available) is { } easier)
        {
            inPlan.Add(easier.Id);
            notes.Add($"{exercise.Id}: too hard; easier version {easier.Id} at {easier.RepRangeMin} reps");
            return ExerciseCatalog.StartFor(easier.Id, exercise.Sets, available);
        }

        var cut = LoadSteps.Deload(exercise);
        notes.Add(cut.LoadKg < exercise.LoadKg ? $"{exercise.Id}: load {exercise.LoadKg} -> {cut.LoadKg} kg"
            : cut.Sets < exercise.Sets ? $"{exercise.Id}: sets {exercise.Sets} -> {cut.Sets}"
            : $"{exercise.Id}: reps {exercise.Reps} -> {cut.Reps}");
        return cut;
    }

    /// <summary>The easier version of the exercise the patient can do and does not do already, or null.</summary>
    public static ExerciseDefinition? Easier(Exercise exercise, ISet<string> inPlan, Equipment available)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(inPlan);
        var easier = ExerciseCatalog.Find(ExerciseCatalog.Find(exercise.Id)?.Easier);
        return easier is not null && easier.FitsEquipment(available) && !inPlan.Contains(easier.Id) ? easier : null;
    }
}
