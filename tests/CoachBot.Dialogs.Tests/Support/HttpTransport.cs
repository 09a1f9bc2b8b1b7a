using System.Globalization;
using CoachBot.Protocol.Schema;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Dialogs.Tests.Support;

/// <summary>
/// Plays transcripts over real HTTP: a test web application on 127.0.0.1 with the runtime, the dialogs and
/// memory storage; activities are posted anonymously to /api/messages and replies reach the local connector stand-in.
/// </summary>
public sealed class HttpTransport : ITranscriptTransport
{
    private readonly BotTestHost _host;
    private readonly RecordingConnector _connector;
    private readonly FakeTimeProvider _time;
    private int _read;
    private int _id;

    private HttpTransport(BotTestHost host, RecordingConnector connector, FakeTimeProvider time)
    {
        _host = host;
        _connector = connector;
        _time = time;
    }

    public IServiceProvider Services => _host.Services;

    public static async Task<HttpTransport> StartAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));
        var connector = await RecordingConnector.StartAsync();
        var host = await BotTestHost.StartAsync(services =>
        {
            services.AddSingleton<TimeProvider>(time);
            services.AddCoachBotDialogs(TestContent.Root);
        });
        return new HttpTransport(host, connector, time);
    }

    public async Task<IReadOnlyList<string>> SendAsync(string text)
    {
        var activity = Activity.CreateMessage(text);
        activity.Id = "http-" + (++_id).ToString(CultureInfo.InvariantCulture);
        activity.Timestamp = _time.GetUtcNow();
        activity.ChannelId = Channels.Test;
        activity.ServiceUrl = _connector.ServiceUrl;
        activity.Conversation = new ConversationAccount("conv-1");
        activity.From = new ChannelAccount("user-1", "Test User") { Role = "user" };
        activity.Recipient = new ChannelAccount("bot-1", "Coach") { Role = "bot" };
        activity.Locale = "en-US";
        using var response = await _host.PostActivityAsync(activity);
        Assert.True(response.IsSuccessStatusCode, $"POST /api/messages answered {(int)response.StatusCode}");
        var messages = _connector.Messages;
        var replies = messages.Skip(_read).Select(m => m.Text ?? string.Empty).ToList();
        _read = messages.Count;
        return replies;
    }

    public void Advance(TimeSpan delta) => _time.Advance(delta);

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }
}
