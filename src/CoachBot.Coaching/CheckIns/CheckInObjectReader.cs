using System.Text.Json;

namespace CoachBot.Coaching.CheckIns;

/// <summary>Reads one check-in object field by field; throws on the first problem, naming the field.</summary>
internal static class CheckInObjectReader
{
    private const int MaxDistressTextLength = 10_000;

    private static readonly HashSet<string> KnownFields =
        new(CheckInFields.Required.Concat(CheckInFields.Optional), StringComparer.Ordinal);

    public static CheckInInput Read(JsonElement element, string prefix)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            var where = prefix.Length == 0 ? "input" : prefix.TrimEnd('.');
            throw Error(where, $"{where}: expected a check-in object, got {Describe(element)}.");
        }

        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var path = prefix + property.Name;
            if (!KnownFields.Contains(property.Name))
            {
                throw Error(path, $"{path}: unknown field (field names are case-sensitive).");
            }

            if (!fields.TryAdd(property.Name, property.Value))
            {
                throw Error(path, $"{path}: field appears more than once.");
            }
        }

        var reader = new FieldReader(fields, prefix);
        return new CheckInInput
        {
            PainNow = reader.Pain(CheckInFields.PainNow) ?? 0,
            PainDuringLastSession = reader.Pain(CheckInFields.PainDuringLastSession),
            PainNextMorningSettled = reader.Bool(CheckInFields.PainNextMorningSettled),
            PainTrendVsLastWeek = reader.Trend(CheckInFields.PainTrendVsLastWeek),
            PainTypes = reader.Set<PainType>(CheckInFields.PainTypes, WireNames.TryParse, WireNames.PainTypeNames),
            RadiatesBelowKnee = reader.Bool(CheckInFields.RadiatesBelowKnee) ?? false,
            RedFlags = reader.Set<RedFlag>(CheckInFields.RedFlags, WireNames.TryParse, WireNames.RedFlagNames),
            DistressText = reader.Text(CheckInFields.DistressText, MaxDistressTextLength),
            SessionsCompletedLast2Weeks = reader.Count(CheckInFields.SessionsCompletedLast2Weeks) ?? 0,
            ConsecutiveStableCheckIns = reader.Count(CheckInFields.ConsecutiveStableCheckIns) ?? 0,
            InFlareUp = reader.Bool(CheckInFields.InFlareUp) ?? false,
            RecentSurgeryWeeks = reader.Count(CheckInFields.RecentSurgeryWeeks),
            SurgeryCleared = reader.Bool(CheckInFields.SurgeryCleared) ?? false,
        };
    }

    internal static CheckInFormatException Error(string field, string message) => new([new CheckInError(field, message)]);

    internal static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {element.GetRawText()}",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
