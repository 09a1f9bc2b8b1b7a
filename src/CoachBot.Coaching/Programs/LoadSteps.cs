namespace CoachBot.Coaching.Programs;

/// <summary>Load arithmetic of clinical rules 7.3 and 8: progression steps, deload cuts and ladder fractions.</summary>
public static class LoadSteps
{
    /// <summary>Largest step for lifts that load the back (8.2: about 2-5%).</summary>
    public const decimal BackLoadingMaxStep = 0.05m;

    /// <summary>Largest step for other lifts (8.2: up to 10%).</summary>
    public const decimal OtherMaxStep = 0.10m;

    /// <summary>The deload cut after PM-6 (8.4: about 10-20%).</summary>
    public const decimal DeloadCut = 0.15m;

    /// <summary>
    /// The next load up: the largest multiple of the smallest step within 5% (back) or 10% (other) of the load, but
    /// never less than one smallest step ("or the smallest plate").
    /// </summary>
    public static decimal NextLoad(Exercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var maxStep = exercise.LoadKg * (exercise.LoadsBack ? BackLoadingMaxStep : OtherMaxStep);
        var step = Math.Max(RoundDown(maxStep, exercise.SmallestStepKg), exercise.SmallestStepKg);
        return exercise.LoadKg + step;
    }

    /// <summary>
    /// The deload after PM-6: about 15% less load on the equipment's steps (see <see cref="CutLoad"/>); when the
    /// equipment cannot cut 10-20%, or the exercise is bodyweight, one set fewer instead (at least one set; then fewer reps).
    /// </summary>
    public static Exercise Deload(Exercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        if (CutLoad(exercise) is decimal reduced)
        {
            return exercise with { LoadKg = reduced };
        }

        if (exercise.Sets > 1)
        {
            return exercise with { Sets = exercise.Sets - 1 };
        }

        return exercise.LoadKg > 0
            ? exercise with { LoadKg = RoundDown(exercise.LoadKg * (1 - DeloadCut), exercise.SmallestStepKg) }
            : exercise with { Reps = Math.Max(1, (int)Math.Floor(exercise.Reps * (1 - DeloadCut))) };
    }

    /// <summary>True when the exercise is loaded and the equipment can cut its load by 10-20% (the deload of 8.4).</summary>
    public static bool CanCutLoad(Exercise exercise) => CutLoad(exercise) is not null;

    /// <summary>
    /// The load about 15% lower: 85% rounded down to the equipment's step, or one step above that when rounding down
    /// cuts more than 20% (16 kg in 2 kg steps: 14 kg, not 12 kg). Null when no load on the steps is 10-20% lower.
    /// </summary>
    public static decimal? CutLoad(Exercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        if (exercise.LoadKg <= 0)
        {
            return null;
        }

        var down = RoundDown(exercise.LoadKg * (1 - DeloadCut), exercise.SmallestStepKg);
        foreach (var reduced in new[] { down, down + exercise.SmallestStepKg })
        {
            var cut = (exercise.LoadKg - reduced) / exercise.LoadKg;
            if (cut is >= 0.10m and <= 0.20m)
            {
                return reduced;
            }
        }

        return null;
    }

    /// <summary>A fraction of the working prescription (return ladder): load scaled and rounded down; bodyweight scales reps.</summary>
    public static ExerciseDose Scaled(Exercise exercise, decimal fraction)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        if (fraction >= 1m)
        {
            return Dose(exercise);
        }

        return exercise.LoadKg > 0
            ? new ExerciseDose(exercise.Id, RoundDown(exercise.LoadKg * fraction, exercise.SmallestStepKg), exercise.Reps, exercise.Sets, exercise.LoadsBack)
            : new ExerciseDose(exercise.Id, 0m, Math.Max(1, (int)Math.Round(exercise.Reps * fraction, MidpointRounding.AwayFromZero)), exercise.Sets, exercise.LoadsBack);
    }

    /// <summary>The working prescription as a dose.</summary>
    public static ExerciseDose Dose(Exercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        return new ExerciseDose(exercise.Id, exercise.LoadKg, exercise.Reps, exercise.Sets, exercise.LoadsBack);
    }

    /// <summary>Rounds down to a multiple of <paramref name="step"/> (the smallest plate).</summary>
    public static decimal RoundDown(decimal value, decimal step) =>
        step <= 0 ? value : Math.Floor(value / step) * step;
}
