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
            ["Bot:AllowAnonymous"] = "true", // tests post as a channel stand-in, without credentials
            ["Bot:Connector:BaseDelay"] = "00:00:00",
        };

        // Every request comes from one address and fuzzing posts thousands: the rate limits (tested on their own)
        // would answer most of them 429 before they reach the code under test.
        foreach (var family in new[] { "WebChatToken", "DirectLineConversation", "DirectLineActivity", "DirectLineStream", "CoachLogin" })
        {
            settings["RateLimits:" + family + ":PermitLimit"] = "1000000";
        }

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
        var status = await PatientMessages.PostAsync(client, connector.ServiceUrl, conversationId, id, (user, "Patient"), text, cancellationToken);
        return ((int)status, id);
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
