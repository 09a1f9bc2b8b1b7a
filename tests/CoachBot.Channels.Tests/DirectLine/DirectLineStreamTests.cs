using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using CoachBot.Channels.Tests.Support;
using CoachBot.Protocol.Schema;

namespace CoachBot.Channels.Tests.DirectLine;

public sealed class DirectLineStreamTests : IAsyncLifetime
{
    private DirectLineTestHost _host = null!;

    public async Task InitializeAsync() => _host = await DirectLineTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Stream_Open_ReplaysHistoryThenPushesTypingAndReplies()
    {
        _host.Bot.SendTyping = true;
        var (conversationId, token) = await _host.StartConversationAsync();
        var (_, reconnect) = await _host.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}", token);
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(new Uri(reconnect.GetProperty("streamUrl").GetString()!), timeout.Token);

        var replay = await ReceiveSetAsync(socket, timeout.Token);
        await _host.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities", token, DirectLineTestHost.UserMessage("ping"));
        var pushed = new List<JsonElement>();
        while (!pushed.Any(a => a.TryGetProperty("text", out var t) && t.GetString() == "You said: ping"))
        {
            pushed.AddRange((await ReceiveSetAsync(socket, timeout.Token)).GetProperty("activities").EnumerateArray());
        }

        Assert.Equal(ReplyingBot.GreetingText, replay.GetProperty("activities")[0].GetProperty("text").GetString());
        Assert.Equal("1", replay.GetProperty("watermark").GetString());
        Assert.Equal(["message", "typing", "message"], pushed.Select(a => a.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Stream_WithWatermark_ReplaysOnlyLaterActivities()
    {
        var (conversationId, token) = await _host.StartConversationAsync();
        await _host.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities", token, DirectLineTestHost.UserMessage("one"));
        var (_, reconnect) = await _host.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}?watermark=2", token);
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await socket.ConnectAsync(new Uri(reconnect.GetProperty("streamUrl").GetString()!), timeout.Token);
        var replay = await ReceiveSetAsync(socket, timeout.Token);

        Assert.Equal("You said: one", Assert.Single(replay.GetProperty("activities").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal("3", replay.GetProperty("watermark").GetString());
    }

    [Fact]
    public async Task Stream_ForgedOrOtherConversationToken_IsRefused()
    {
        var (conversationId, token) = await _host.StartConversationAsync();
        var (otherId, otherToken) = await _host.StartConversationAsync("dl_other");
        var (_, other) = await _host.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{otherId}", otherToken);
        var otherStream = new Uri(other.GetProperty("streamUrl").GetString()!);
        var streamToken = otherStream.Query.Split('&')[0][3..];

        var withOtherToken = new Uri($"ws://{otherStream.Authority}/v3/directline/conversations/{conversationId}/stream?t={streamToken}");
        var withClientToken = new Uri($"ws://{otherStream.Authority}/v3/directline/conversations/{conversationId}/stream?t={Uri.EscapeDataString(token)}");

        foreach (var uri in new[] { withOtherToken, withClientToken })
        {
            using var socket = new ClientWebSocket();
            var error = await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(uri, CancellationToken.None));
            Assert.Contains("403", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Stream_Idle_SendsEmptyKeepAlive()
    {
        var (conversationId, token) = await _host.StartConversationAsync();
        var (_, reconnect) = await _host.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}?watermark=1", token);
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(new Uri(reconnect.GetProperty("streamUrl").GetString()!), timeout.Token);

        var buffer = new byte[1024];
        var receive = socket.ReceiveAsync(buffer, timeout.Token);
        while (!receive.IsCompleted)
        {
            _host.Time.Advance(TimeSpan.FromSeconds(21));
            await Task.WhenAny(receive, Task.Delay(50, timeout.Token));
        }

        var result = await receive;
        Assert.Equal(WebSocketMessageType.Text, result.MessageType);
        Assert.Equal(0, result.Count);
    }

    private static async Task<JsonElement> ReceiveSetAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, cancellationToken);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (message.Length > 0)
            {
                return JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray())).RootElement.Clone();
            }
        }
    }
}
