using System.Globalization;
using System.Text.RegularExpressions;
using CoachBot.Coaching.Programs;

namespace CoachBot.Dialogs.Onboarding;

/// <summary>Reads an exercise line like "deadlift, 3 sets of 8, 40 kg" or "goblet squat 3x10 12kg".</summary>
internal static partial class ExerciseText
{
    public static Exercise? Parse(string? text)
    {
        var match = text is null ? null : Pattern().Match(text.Trim());
        if (match is not { Success: true })
        {
            return null;
        }

        var sets = int.Parse(match.Groups["sets"].Value, CultureInfo.InvariantCulture);
        var reps = int.Parse(match.Groups["reps"].Value, CultureInfo.InvariantCulture);
        var kg = match.Groups["kg"].Success ? decimal.Parse(match.Groups["kg"].Value, CultureInfo.InvariantCulture) : 0m;
        if (sets is < 1 or > 10 || reps is < 1 or > 50 || kg > 500)
        {
            return null;
        }

        var name = match.Groups["name"].Value.Trim(' ', ',', '-', ':');
        var backWords = new[] { "deadlift", "squat", "good morning", "row", "swing" };
        return new Exercise
        {
            Id = name.ToLowerInvariant(),
            LoadKg = kg,
            Reps = reps,
            Sets = sets,
            RepRangeMin = reps,
            RepRangeMax = reps + 4,
            LoadsBack = backWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase)),
            SmallestStepKg = kg >= 20 ? 2.5m : 1m,
        };
    }

    [GeneratedRegex(@"^(?<name>[^\d,]+?)[,\s:-]+(?<sets>\d+)\s*(?:sets?\s*(?:of)?|x)\s*(?<reps>\d+)(?:\s*reps?)?(?:[,\s@]+(?<kg>\d+(?:\.\d+)?)\s*kg)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
