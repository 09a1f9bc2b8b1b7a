using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CoachBot.Testing;

namespace CoachBot.Reliability.Tests.Support;

/// <summary>
/// Well-behaved patients talking to the host while it is under attack: one over /api/messages (replies reach the
/// local connector stand-in) and one over Direct Line (replies read back from the conversation's history).
/// Each message must get at least one bot reply addressed to it.
/// </summary>
public static class Bystanders
{
    private static readonly string[] Lines = ["hello", "help", "what can you do", "progress", "lesson", "yes", "no", "3", "stop", "start"];

    /// <summary>Sends <paramref name="count"/> messages over /api/messages; returns a problem per message that got no reply.</summary>
    public static async Task<List<string>> MessagesAsync(HttpClient http, RecordingConnector connector, string conversationId, int count, TimeSpan pause, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = conversationId + "-m" + i.ToString(CultureInfo.InvariantCulture);
            var status = await PatientMessages.PostAsync(
                http, connector.ServiceUrl, conversationId, id, (conversationId + "-user", "Bystander"), Lines[i % Lines.Length], cancellationToken);
            if (status != HttpStatusCode.OK)
            {
                problems.Add($"{id}: /api/messages answered {(int)status}");
                continue;
            }

            // Replies are delivered inside the turn, before the 200.
            var replies = connector.Received.Count(r => r.ConversationId == conversationId && r.ReplyToId == id && r.Activity?.Type == "message");
            if (replies == 0)
            {
                problems.Add($"{id}: no reply reached the connector");
            }

            await Task.Delay(pause, cancellationToken);
        }

        return problems;
    }

    /// <summary>Starts a Direct Line conversation and sends <paramref name="count"/> messages; returns a problem per message without a reply.</summary>
    public static async Task<List<string>> DirectLineAsync(HttpClient http, string secret, string userId, int count, TimeSpan pause, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var (conversationId, token) = await StartConversationAsync(http, secret, userId, cancellationToken);
        for (var i = 0; i < count; i++)
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities");
            post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            post.Content = new StringContent(JsonSerializer.Serialize(new { type = "message", from = new { id = userId }, text = Lines[i % Lines.Length] }), Encoding.UTF8, "application/json");
            using var posted = await http.SendAsync(post, cancellationToken);
            if (posted.StatusCode != HttpStatusCode.OK)
            {
                problems.Add($"direct line message {i}: answered {(int)posted.StatusCode}");
                continue;
            }

            var id = JsonDocument.Parse(await posted.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("id").GetString();
            using var get = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities");
            get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var history = await http.SendAsync(get, cancellationToken);
            var json = JsonDocument.Parse(await history.Content.ReadAsStringAsync(cancellationToken)).RootElement;
            var replied = json.GetProperty("activities").EnumerateArray().Any(a =>
                a.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() == id
                && a.GetProperty("from").GetProperty("id").GetString() != userId
                && a.GetProperty("type").GetString() == "message");
            if (!replied)
            {
                problems.Add($"direct line message {i} ({id}): no bot reply in the history");
            }

            await Task.Delay(pause, cancellationToken);
        }

        return problems;
    }

    /// <summary>Gets a token for <paramref name="userId"/> with the secret and starts its conversation.</summary>
    public static async Task<(string ConversationId, string Token)> StartConversationAsync(HttpClient http, string secret, string userId, CancellationToken cancellationToken)
    {
        using var generate = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
        generate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        generate.Content = new StringContent(JsonSerializer.Serialize(new { user = new { id = userId } }), Encoding.UTF8, "application/json");
        using var generated = await http.SendAsync(generate, cancellationToken);
        generated.EnsureSuccessStatusCode();
        var token = JsonDocument.Parse(await generated.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("token").GetString()!;

        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await http.SendAsync(start, cancellationToken);
        started.EnsureSuccessStatusCode();
        var conversationId = JsonDocument.Parse(await started.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("conversationId").GetString()!;
        return (conversationId, token);
    }
}
