using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CoachBot.Protocol.Schema;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace CoachBot.Host.Tests.Security;

/// <summary>
/// The real host in memory with memory storage, the given settings and environment, every outbound connector call
/// recorded (<see cref="Outbound"/>) and every log line kept (<see cref="Logs"/>).
/// </summary>
internal sealed class SecureHost(IReadOnlyDictionary<string, string?> settings, string environment = "Production", BotAuthority? authority = null) : WebApplicationFactory<Program>
{
    // The name the runtime's connector client has in IHttpClientFactory.
    private const string ConnectorHttpClientName = "CoachBot.Connector";

    public OutboundRecorder Outbound { get; } = new();

    public LogSink Logs { get; } = new();

    public static SecureHost Create(string environment = "Production", BotAuthority? authority = null, params (string Key, string? Value)[] extra)
    {
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:Provider"] = "Memory",
            ["DirectLine:Secret"] = "test-secret-that-is-long-enough-0123456789",
            ["Scheduler:Enabled"] = "false",
            ["Bot:TypingDelay"] = "00:00:00",

            // Every test client shares one address; the rate limits have their own tests (RateLimitTests).
            ["RateLimits:WebChatToken:PermitLimit"] = "1000",
            ["RateLimits:DirectLineConversation:PermitLimit"] = "1000",
        };
        foreach (var (key, value) in authority?.Settings() ?? [])
        {
            all[key] = value;
        }

        foreach (var (key, value) in extra)
        {
            all[key] = value;
        }

        return new SecureHost(all, environment, authority);
    }

    /// <summary>A message from a Teams user as a channel posts it.</summary>
    public static Activity TeamsMessage(string serviceUrl, string text = "hi", string channelId = "msteams", string userId = "29:patient-1") => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        From = new ChannelAccount(userId, "Pat") { Role = "user" },
        Recipient = new ChannelAccount("28:" + BotAuthority.AppId, "CoachBot") { Role = "bot" },
        Conversation = new ConversationAccount("a:conv-" + Guid.NewGuid().ToString("N")),
        Text = text,
        Timestamp = TimeProvider.System.GetUtcNow(),
    };

    public static async Task<HttpResponseMessage> PostMessagesAsync(HttpClient client, Activity activity, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative))
        {
            Content = new StringContent(JsonSerializer.Serialize(activity, ProtocolJson.Options), Encoding.UTF8, "application/json"),
        };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await client.SendAsync(request);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.AddHttpClient(ConnectorHttpClientName).ConfigurePrimaryHttpMessageHandler(() => Outbound);
            if (authority is not null)
            {
                services.AddSingleton(authority.MsalHttp());
            }
        });
    }
}

/// <summary>Keeps every formatted log message with its level and category.</summary>
internal sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink._entries.Enqueue((logLevel, category, formatter(state, exception)));
    }
}
