using System.Text;
using System.Text.Json;
using CoachBot.Coaching.Policy;

namespace CoachBot.Cli.Commands;

/// <summary>Writes decisions in the CLI's output shape, with lowercase wire values.</summary>
internal static class DecisionJson
{
    public static string Write(IReadOnlyList<CoachingDecision> decisions, bool asArray)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            if (asArray)
            {
                writer.WriteStartArray();
            }

            foreach (var decision in decisions)
            {
                writer.WriteStartObject();
                writer.WriteString("decision", Wire(decision.Decision));
                writer.WriteString("escalation", Wire(decision.Escalation));
                writer.WriteStartArray("mustMention");
                decision.MustMention.ToList().ForEach(writer.WriteStringValue);
                writer.WriteEndArray();
                writer.WriteStartArray("rules");
                decision.RuleIds.ToList().ForEach(writer.WriteStringValue);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            if (asArray)
            {
                writer.WriteEndArray();
            }
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }

    public static string Wire(Decision decision) => decision switch
    {
        Decision.Progress => "progress",
        Decision.Hold => "hold",
        Decision.Pause => "pause",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };

    public static string Wire(Escalation escalation) => escalation switch
    {
        Escalation.None => "none",
        Escalation.Routine => "routine",
        Escalation.Urgent => "urgent",
        Escalation.Emergency => "emergency",
        _ => throw new ArgumentOutOfRangeException(nameof(escalation), escalation, null),
    };
}
