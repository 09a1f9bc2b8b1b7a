using System.Collections.Concurrent;
using CoachBot.Protocol.Connector;
using CoachBot.Protocol.Hosting;
using CoachBot.Protocol.Schema;
using CoachBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.Protocol.Tests.Connector;

public sealed class ConnectorLoggingTests
{
    [Fact]
    public async Task SendActivity_ThroughTheRuntime_WritesNoPerRequestHttpClientLogLines()
    {
        await using var server = await RecordingConnector.StartAsync();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddBotRuntime();
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IConnectorClient>();

        for (var i = 0; i < 3; i++)
        {
            await client.SendActivityAsync(new Activity
            {
                Type = ActivityTypes.Message,
                Text = "hello",
                ServiceUrl = server.ServiceUrl,
                Conversation = new ConversationAccount("c1"),
                ReplyToId = "a1",
            });
        }

        Assert.Equal(3, server.Messages.Count);
        Assert.DoesNotContain(logs.Categories, c => c.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendActivity_ThroughTheRuntime_DoesNotFollowARedirect_NorAskForACompressedAnswer()
    {
        await using var server = await RecordingConnector.StartAsync();
        server.EnqueueResponse(System.Net.HttpStatusCode.TemporaryRedirect, location: server.ServiceUrl + "v3/conversations/elsewhere/activities");
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddBotRuntime();
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IConnectorClient>();
        Activity Reply() => new()
        {
            Type = ActivityTypes.Message,
            Text = "hello",
            ServiceUrl = server.ServiceUrl,
            Conversation = new ConversationAccount("c1"),
            ReplyToId = "a1",
        };

        var redirected = await Assert.ThrowsAsync<ConnectorException>(() => client.SendActivityAsync(Reply()));
        await client.SendActivityAsync(Reply());

        Assert.Equal(System.Net.HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.False(redirected.MayHaveBeenDelivered);
        Assert.Equal(["c1", "c1"], server.Received.Select(r => r.ConversationId));
        Assert.All(server.Received, r => Assert.Null(r.AcceptEncoding));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _categories = new();

        public IReadOnlyCollection<string> Categories => _categories;

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _categories);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                sink.Enqueue(category);
        }
    }
}
