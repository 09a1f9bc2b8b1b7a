using System.Text.Json;

namespace CoachBot.Coaching.CheckIns;

/// <summary>Writes a check-in with <see cref="Utf8JsonWriter"/>; field order follows clinical rules 1.1.</summary>
internal static class CheckInJsonWriter
{
    public static void Write(Utf8JsonWriter writer, CheckInInput input)
    {
        writer.WriteStartObject();
        writer.WriteNumber(CheckInFields.PainNow, input.PainNow);
        WriteNullable(writer, CheckInFields.PainDuringLastSession, input.PainDuringLastSession);
        if (input.PainNextMorningSettled is bool settled)
        {
            writer.WriteBoolean(CheckInFields.PainNextMorningSettled, settled);
        }
        else
        {
            writer.WriteNull(CheckInFields.PainNextMorningSettled);
        }

        if (input.PainTrendVsLastWeek is PainTrend trend)
        {
            writer.WriteString(CheckInFields.PainTrendVsLastWeek, WireNames.ToWire(trend));
        }
        else
        {
            writer.WriteNull(CheckInFields.PainTrendVsLastWeek);
        }

        writer.WriteStartArray(CheckInFields.PainTypes);
        foreach (var type in input.PainTypes.Order())
        {
            writer.WriteStringValue(WireNames.ToWire(type));
        }

        writer.WriteEndArray();
        writer.WriteBoolean(CheckInFields.RadiatesBelowKnee, input.RadiatesBelowKnee);
        writer.WriteStartArray(CheckInFields.RedFlags);
        foreach (var flag in input.RedFlags.Order())
        {
            writer.WriteStringValue(WireNames.ToWire(flag));
        }

        writer.WriteEndArray();
        writer.WriteString(CheckInFields.DistressText, input.DistressText);
        writer.WriteNumber(CheckInFields.SessionsCompletedLast2Weeks, input.SessionsCompletedLast2Weeks);
        writer.WriteNumber(CheckInFields.ConsecutiveStableCheckIns, input.ConsecutiveStableCheckIns);
        writer.WriteBoolean(CheckInFields.InFlareUp, input.InFlareUp);
        WriteNullable(writer, CheckInFields.RecentSurgeryWeeks, input.RecentSurgeryWeeks);
        if (input.SurgeryCleared)
        {
            writer.WriteBoolean(CheckInFields.SurgeryCleared, true); // written only when true: older entries read the same
        }

        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is int v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
