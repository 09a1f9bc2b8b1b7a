using System.Globalization;

namespace CoachBot.Records;

/// <summary>New escalation ids: the UTC time (so ids sort by time) plus a random part.</summary>
public static class EscalationIds
{
    /// <summary>A new id for an escalation raised at <paramref name="raisedAt"/>.</summary>
    public static string New(DateTimeOffset raisedAt) =>
        raisedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..12];
}
