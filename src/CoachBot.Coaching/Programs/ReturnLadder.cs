using CoachBot.Coaching.CheckIns;

namespace CoachBot.Coaching.Programs;

/// <summary>The return-to-training ladder after a pause (clinical rules 7.3).</summary>
public static class ReturnLadder
{
    /// <summary>The top step; after it is met, normal progression resumes.</summary>
    public const int TopStep = 3;

    /// <summary>Pauses longer than this restart at step 1 with a routine escalation.</summary>
    public const int LongPauseDays = 14;

    /// <summary>The fraction of the working load for a step: 1 → 50%, 2 → 75%, 3 → 100%.</summary>
    public static decimal Fraction(int step) => step switch
    {
        1 => 0.50m,
        2 => 0.75m,
        3 => 1.00m,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Ladder steps are 1 to 3."),
    };

    /// <summary>
    /// The entry conditions: flare-up over, pain back to the usual baseline (within 1 point of the mean pain of up to
    /// 4 check-ins before the pause; with no baseline, pain at most 3), and settled overnight on 2 days in a row
    /// (this check-in and the previous one on an earlier day). Returns the unmet conditions; empty means enter.
    /// </summary>
    public static IReadOnlyList<string> UnmetEntryConditions(PatientProgram program, CheckInInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(input);
        var unmet = new List<string>();
        if (input.InFlareUp)
        {
            unmet.Add("flare-up not confirmed over");
        }

        var baseline = Baseline(program);
        var atBaseline = baseline is double b ? Math.Abs(input.PainNow - b) <= 1 : input.PainNow <= 3;
        if (!atBaseline)
        {
            unmet.Add(baseline is double mean ? $"pain {input.PainNow} not within 1 point of usual {mean:0.#}" : $"pain {input.PainNow} above 3 with no baseline");
        }

        var previous = program.CheckIns.LastOrDefault(c => c.Date < today);
        if (input.PainNextMorningSettled != true || previous?.Input.PainNextMorningSettled != true)
        {
            unmet.Add("not settled overnight on 2 days in a row");
        }

        return unmet;
    }

    private static double? Baseline(PatientProgram program)
    {
        var before = program.CheckIns.Where(c => program.PausedSince is not DateOnly since || c.Date < since).TakeLast(4).ToList();
        return before.Count == 0 ? null : before.Average(c => c.Input.PainNow);
    }
}
