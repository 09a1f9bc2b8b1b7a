using System.Globalization;
using System.Text.RegularExpressions;
using CoachBot.Protocol.Schema;

namespace CoachBot.Dialogs.Onboarding;

/// <summary>Reads days ("Monday and Thursday", "mon, thu"), times ("8 am", "6:30 pm", "18:30") and time zones.</summary>
internal static partial class ScheduleText
{
    public static IReadOnlyList<DayOfWeek> ParseDays(string? text)
    {
        var days = new SortedSet<DayOfWeek>();
        foreach (Match word in Words().Matches(text ?? string.Empty))
        {
            var w = word.Value.ToLowerInvariant();
            foreach (var day in Enum.GetValues<DayOfWeek>())
            {
                var name = day.ToString().ToLowerInvariant();
                if (w == name || w == name + "s" || (w.Length >= 3 && name.StartsWith(w, StringComparison.Ordinal)))
                {
                    days.Add(day);
                }
            }
        }

        return [.. days.OrderBy(d => ((int)d + 6) % 7)];
    }

    public static TimeOnly? ParseTime(string? text)
    {
        var match = TimePattern().Match(text ?? string.Empty);
        if (!match.Success)
        {
            return null;
        }

        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var half = match.Groups["ampm"].Value.ToLowerInvariant();
        if (half.StartsWith('p') && hour < 12)
        {
            hour += 12;
        }
        else if (half.StartsWith('a') && hour == 12)
        {
            hour = 0;
        }

        return hour is >= 0 and < 24 && minute is >= 0 and < 60 ? new TimeOnly(hour, minute) : null;
    }

    /// <summary>An IANA zone from an id ("Europe/London") or a city ("London", "new york").</summary>
    public static string? ParseTimeZone(string? text)
    {
        var wanted = text?.Trim();
        if (string.IsNullOrEmpty(wanted))
        {
            return null;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(wanted, out var direct) && direct.HasIanaId)
        {
            return direct.Id;
        }

        var city = wanted.Replace(' ', '_');
        return TimeZoneInfo.GetSystemTimeZones()
            .Select(z => z.Id)
            .FirstOrDefault(id => id.Contains('/', StringComparison.Ordinal) && string.Equals(id[(id.LastIndexOf('/') + 1)..], city, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The zone the channel told us: Web Chat's <c>localTimezone</c>, or Teams' clientInfo <c>timezone</c>.</summary>
    public static string? FromActivity(Activity activity)
    {
        var candidates = new List<string?> { activity.LocalTimezone };
        foreach (var entity in activity.Entities ?? [])
        {
            if (string.Equals(entity.Type, "clientInfo", StringComparison.OrdinalIgnoreCase) && entity.ExtensionData?.TryGetValue("timezone", out var zone) == true && zone.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                candidates.Add(zone.GetString());
            }
        }

        return candidates.Select(ParseTimeZone).FirstOrDefault(z => z is not null);
    }

    [GeneratedRegex(@"[A-Za-z]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"(?<h>\d{1,2})(?:[:.](?<m>\d{2}))?\s*(?<ampm>[ap]\.?m\.?)?", RegexOptions.IgnoreCase)]
    private static partial Regex TimePattern();
}
