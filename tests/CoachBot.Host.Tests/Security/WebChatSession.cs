using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoachBot.Host.Tests.Security;

/// <summary>A patient's web chat over HTTP, as Web Chat drives it: a page token, the conversation, posts and reads.</summary>
internal sealed class WebChatSession
{
    private readonly HttpClient _http;

    private WebChatSession(HttpClient http, string conversationId, string token, string streamUrl)
    {
        _http = http;
        ConversationId = conversationId;
        Token = token;
        StreamUrl = streamUrl;
    }

    public string ConversationId { get; }

    public string Token { get; }

    public string StreamUrl { get; }

    /// <summary>Gets a page token and starts its conversation; <paramref name="headers"/> go on both requests.</summary>
    public static async Task<WebChatSession> StartAsync(HttpClient http, params (string Name, string Value)[] headers)
    {
        using var tokenRequest = Request(HttpMethod.Post, "/api/webchat/token", null, headers);
        using var tokenResponse = await http.SendAsync(tokenRequest);
        tokenResponse.EnsureSuccessStatusCode();
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();

        using var start = Request(HttpMethod.Post, "/v3/directline/conversations", token, headers);
        using var started = await http.SendAsync(start);
        started.EnsureSuccessStatusCode();
        var body = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
        return new WebChatSession(http, body["conversationId"]!.GetValue<string>(), body["token"]!.GetValue<string>(), body["streamUrl"]!.GetValue<string>());
    }

    public async Task<HttpResponseMessage> SayAsync(string text)
    {
        using var request = Request(HttpMethod.Post, $"/v3/directline/conversations/{Uri.EscapeDataString(ConversationId)}/activities", Token);
        request.Content = JsonContent.Create(new { type = "message", text, locale = "en-GB" });
        return await _http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> ReadAsync()
    {
        using var request = Request(HttpMethod.Get, $"/v3/directline/conversations/{Uri.EscapeDataString(ConversationId)}/activities", Token);
        return await _http.SendAsync(request);
    }

    /// <summary>The texts of the bot's messages so far.</summary>
    public async Task<IReadOnlyList<string>> BotTextsAsync()
    {
        using var response = await ReadAsync();
        response.EnsureSuccessStatusCode();
        var activities = (await response.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray();
        return [.. activities
            .Where(a => a!["type"]?.GetValue<string>() == "message" && a["from"]?["id"]?.GetValue<string>() == "coachbot")
            .Select(a => a!["text"]?.GetValue<string>() ?? string.Empty)];
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string? token, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        foreach (var (name, value) in headers)
        {
            if (string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Host = value;
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
