using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace CoachBot.Channels.DirectLine;

/// <summary>Writes <c>{ "activities": [...], "watermark": "n" }</c> from activities already serialized once.</summary>
internal static class ActivitySetWriter
{
    public static byte[] ToBytes(IReadOnlyList<ReadOnlyMemory<byte>> activities, long watermark)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + Sum(activities));
        Write(buffer, activities, watermark);
        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(IBufferWriter<byte> output, IReadOnlyList<ReadOnlyMemory<byte>> activities, long watermark)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        writer.WriteStartObject();
        writer.WriteStartArray("activities");
        foreach (var json in activities)
        {
            writer.WriteRawValue(json.Span, skipInputValidation: true);
        }

        writer.WriteEndArray();
        writer.WriteString("watermark", watermark.ToString(CultureInfo.InvariantCulture));
        writer.WriteEndObject();
    }

    private static int Sum(IReadOnlyList<ReadOnlyMemory<byte>> activities)
    {
        var total = 0;
        foreach (var a in activities)
        {
            total += a.Length + 1;
        }

        return total;
    }
}
