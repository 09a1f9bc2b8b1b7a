using System.Net;
using System.Text.Json;
using CoachBot.Conversation.Tests.Dialogs;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.State;
using CoachBot.Protocol.Turns;
using CoachBot.Storage;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Conversation.Tests.Http;

/// <summary>Over real HTTP: a test web application on 127.0.0.1 hosting /api/messages, and a local connector stand-in receiving the replies.</summary>
public sealed class EndToEndTests : IAsyncLifetime
{
    private RecordingConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await RecordingConnector.StartAsync("/amer/tenant-1/");

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    private Activity Message(string conversationId, string id, string? text, string? valueJson = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        ChannelId = Channels.MsTeams,
        ServiceUrl = _connector.ServiceUrl,
        Conversation = new ConversationAccount(conversationId) { ConversationType = "personal", TenantId = "t-1" },
        From = new ChannelAccount("29:user", "Sam"),
        Recipient = new ChannelAccount("28:bot", "Coach"),
        Text = text,
        Value = valueJson is null ? null : JsonDocument.Parse(valueJson).RootElement,
        Locale = "en-US",
    };

    [Fact]
    public async Task ScriptedWaterfall_OverHttp_RepliesReachTheConnectorInOrder()
    {
        await using var host = await BotTestHost.StartAsync(s => s.AddSingleton<IBot, CheckInBot>());
        (string Text, string? Value, string[] Expected)[] script =
        [
            ("hi", null, ["ask.name"]),
            ("Sam", null, ["ask.pain"]),
            ("eleven", null, ["ask.pain.retry"]),
            ("help", null, ["help.text", "ask.pain"]),
            ("about a 6", null, ["ask.confirm"]),
            ("", """{"answer":true}""", ["summary:Sam:6:True"]),
        ];

        var received = 0;
        for (var i = 0; i < script.Length; i++)
        {
            var (text, value, expected) = script[i];
            using var response = await host.PostActivityAsync(Message("a:conv/1;x", "act-" + i, text, value));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            // Replies are delivered before the bot answers the POST, so they are already here.
            var replies = _connector.Received.Skip(received).Where(r => r.Activity is { Type: ActivityTypes.Message }).ToList();
            received = _connector.Received.Count;
            Assert.Equal(expected, replies.Select(r => r.Activity!.Text));
            Assert.All(replies, r =>
            {
                Assert.Equal("a:conv/1;x", r.ConversationId);
                Assert.Equal("act-" + i, r.ReplyToId);
                Assert.StartsWith("/amer/tenant-1/v3/conversations/", r.Path, StringComparison.Ordinal);
                Assert.Equal("28:bot", r.Activity!.From!.Id);
            });
        }

        var stored = await host.Services.GetRequiredService<IStorage>().ReadAsync(["msteams/conversations/a:conv/1;x"]);
        var stack = JsonDocument.Parse(stored["msteams/conversations/a:conv/1;x"].Json).RootElement.GetProperty("DialogState").GetProperty("dialogStack");
        Assert.Equal(0, stack.GetArrayLength()); // the check-in completed
    }

    [Fact]
    public async Task ConcurrentMessages_OneConversationOverHttp_LoseNoState()
    {
        await using var host = await BotTestHost.StartAsync(s => s.AddSingleton<IBot, CountingBot>());

        var posts = Enumerable.Range(0, 12).Select(i => host.PostActivityAsync(Message("a:busy", "m-" + i, "tap " + i))).ToList();
        var responses = await Task.WhenAll(posts);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var stored = await host.Services.GetRequiredService<IStorage>().ReadAsync(["msteams/conversations/a:busy"]);
        var state = JsonDocument.Parse(stored["msteams/conversations/a:busy"].Json).RootElement;
        Assert.Equal(12, state.GetProperty("count").GetInt32());
        Assert.Equal(12, state.GetProperty("seen").GetArrayLength());
        Assert.Equal(12, _connector.Messages.Count);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task TwoConcurrentMessages_WaitingDialog_BothAnswersAreApplied()
    {
        await using var host = await BotTestHost.StartAsync(s => s.AddSingleton<IBot, CheckInBot>());
        using (await host.PostActivityAsync(Message("a:two", "t-0", "hi")))
        {
        }

        var first = host.PostActivityAsync(Message("a:two", "t-1", "Sam"));
        var second = host.PostActivityAsync(Message("a:two", "t-2", "4"));
        using var r1 = await first;
        using var r2 = await second;

        // Whatever order they ran in, each answer was applied to the state the other left (no lost update).
        var texts = _connector.Messages.Select(m => m.Text).ToList();
        Assert.Equal("ask.name", texts[0]);
        Assert.True(texts.SequenceEqual(["ask.name", "ask.pain", "ask.confirm"]) || texts.SequenceEqual(["ask.name", "ask.name.retry", "ask.pain"]) || texts.SequenceEqual(["ask.name", "ask.pain", "ask.pain.retry"]), string.Join(", ", texts));
        Assert.Equal(3, texts.Count);
    }

    [Fact]
    public async Task Post_TruncatedOrGarbledJson_Returns400AndNever500()
    {
        await using var host = await BotTestHost.StartAsync(s => s.AddSingleton<IBot, CountingBot>());
        var valid = JsonSerializer.Serialize(Message("a:fuzz", "f-1", "hello"), ProtocolJson.Options);
        var random = new Random(1234);
        var bodies = new List<string>();
        for (var cut = 0; cut < valid.Length - 1; cut += 3)
        {
            bodies.Add(valid[..cut]);
        }

        for (var i = 0; i < 40; i++)
        {
            var chars = valid.ToCharArray();
            chars[random.Next(chars.Length)] = "{}[]\":,x0\\"[random.Next(10)];
            bodies.Add(new string(chars));
        }

        foreach (var body in bodies)
        {
            using var response = await host.PostJsonAsync(body);
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.OK, $"{(int)response.StatusCode} for: {body}");
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
                Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
            }
        }
    }

    /// <summary>Counts messages in conversation state and echoes them.</summary>
    private sealed class CountingBot(ConversationState conversationState) : IBot
    {
        private readonly IStatePropertyAccessor<int> _count = conversationState.CreateProperty<int>("count");
        private readonly IStatePropertyAccessor<List<string>> _seen = conversationState.CreateProperty<List<string>>("seen");

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            var count = await _count.GetAsync(turnContext, () => 0, cancellationToken);
            await Task.Yield();
            await _count.SetAsync(turnContext, count + 1, cancellationToken);
            (await _seen.GetAsync(turnContext, () => [], cancellationToken)).Add(turnContext.Activity.Text ?? string.Empty);
            await turnContext.SendActivityAsync("count:" + (count + 1), cancellationToken);
        }
    }
}
