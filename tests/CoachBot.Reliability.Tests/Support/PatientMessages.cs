using System.Net;
using System.Text;
using System.Text.Json;

namespace CoachBot.Reliability.Tests.Support;

/// <summary>Plain patient messages posted to /api/messages, as a channel would send them.</summary>
internal static class PatientMessages
{
    /// <summary>Posts one message activity with id <paramref name="id"/> and answers the HTTP status.</summary>
    public static async Task<HttpStatusCode> PostAsync(
        HttpClient client, string serviceUrl, string conversationId, string id, (string Id, string Name) from, string text, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(new
        {
            type = "message",
            id,
            timestamp = "2026-01-01T10:00:00.000Z",
            channelId = "test",
            serviceUrl,
            conversation = new { id = conversationId },
            from = new { id = from.Id, name = from.Name },
            recipient = new { id = "bot", name = "CoachBot" },
            text,
            locale = "en-US",
        });
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content, cancellationToken);
        return response.StatusCode;
    }
}
