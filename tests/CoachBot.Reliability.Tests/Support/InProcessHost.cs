using System.Globalization;
using System.Text;
using System.Text.Json;
using CoachBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Reliability.Tests.Support;

/// <summary>
/// The real host in memory (WebApplicationFactory over Program) with memory storage, settings and service
/// replacements per test; replies go over real HTTP to a <see cref="RecordingConnector"/> on 127.0.0.1.
/// </summary>
internal sealed class InProcessHost(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configure) : WebApplicationFactory<Program>
{
    private int _id;

    public static InProcessHost Create(Action<IServiceCollection>? configure = null, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:Provider"] = "Memory",
            ["DirectLine:Secret"] = "test-secret-that-is-long-enough-0123456789",
            ["Bot:TypingDelay"] = "00:00:00",
            ["Bot:Connector:BaseDelay"] = "00:00:00",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return new InProcessHost(settings, configure);
    }

    /// <summary>Posts a message from <paramref name="user"/> in <paramref name="conversationId"/>; answers the status and the activity id.</summary>
    public async Task<(int Status, string Id)> SendMessageAsync(HttpClient client, RecordingConnector connector, string conversationId, string text, string user = "user-1", CancellationToken cancellationToken = default)
    {
        var id = conversationId + "-" + Interlocked.Increment(ref _id).ToString(CultureInfo.InvariantCulture);
        var json = JsonSerializer.Serialize(new
        {
            type = "message",
            id,
            timestamp = "2026-01-01T10:00:00.000Z",
            channelId = "test",
            serviceUrl = connector.ServiceUrl,
            conversation = new { id = conversationId },
            from = new { id = user, name = "Patient" },
            recipient = new { id = "bot", name = "CoachBot" },
            text,
            locale = "en-US",
        });
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content, cancellationToken);
        return ((int)response.StatusCode, id);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (configure is not null)
        {
            builder.ConfigureServices(configure);
        }
    }
}
