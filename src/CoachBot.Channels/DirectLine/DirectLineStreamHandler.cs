using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CoachBot.Channels.DirectLine;

/// <summary>
/// The WebSocket stream: replays what was stored from the watermark as one ActivitySet, then sends each new
/// activity (typing included) as it arrives, and an empty frame when idle. Client frames are ignored.
/// </summary>
internal static class DirectLineStreamHandler
{
    private static readonly byte[] KeepAlive = [];

    public static async Task<IResult> HandleAsync(
        string conversationId,
        HttpContext context,
        DirectLineTokenService tokens,
        DirectLineConversationStore store,
        IOptions<DirectLineOptions> options,
        TimeProvider time)
    {
        string? t = context.Request.Query["t"];
        if (t is null || !tokens.TryRead(t, out var token) || token!.Kind != DirectLineTokenKind.Stream
            || !string.Equals(token.ConversationId, conversationId, StringComparison.Ordinal))
        {
            return DirectLineHttp.Error(StatusCodes.Status403Forbidden, "TokenInvalid", "The stream URL is not valid for this conversation.");
        }

        if (tokens.IsExpired(token))
        {
            return DirectLineHttp.Error(StatusCodes.Status403Forbidden, "TokenExpired", "The stream URL has expired; reconnect to get a new one.");
        }

        var conversation = store.Find(conversationId);
        if (conversation is null)
        {
            return DirectLineHttp.ConversationNotFound();
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "BadArgument", "This URL only accepts WebSocket connections.");
        }

        if (!DirectLineHttp.TryParseWatermark(context.Request.Query["watermark"], conversation.Watermark, out var watermark, out var watermarkError))
        {
            return watermarkError!;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var subscriber = conversation.Subscribe(watermark, out var replay);
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var receiving = DrainAsync(socket, closed);
        try
        {
            if (replay is not null)
            {
                await socket.SendAsync(replay, WebSocketMessageType.Text, true, closed.Token).ConfigureAwait(false);
            }

            await PumpAsync(socket, subscriber, options.Value.StreamKeepAliveInterval, time, closed.Token).ConfigureAwait(false);
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away; nothing is lost, it reconnects with its watermark.
        }
        finally
        {
            conversation.Unsubscribe(subscriber);
            await closed.CancelAsync().ConfigureAwait(false);
            await receiving.ConfigureAwait(false);
        }

        return Results.Empty;
    }

    private static async Task PumpAsync(WebSocket socket, DirectLineSubscriber subscriber, TimeSpan keepAlive, TimeProvider time, CancellationToken cancellationToken)
    {
        var frames = subscriber.Frames;
        while (!cancellationToken.IsCancellationRequested)
        {
            while (frames.TryRead(out var frame))
            {
                await socket.SendAsync(frame, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
            }

            using var idle = new CancellationTokenSource(keepAlive, time);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
            try
            {
                if (!await frames.WaitToReadAsync(wait.Token).ConfigureAwait(false))
                {
                    return; // completed: conversation forgotten or client too slow; it reconnects with its watermark.
                }
            }
            catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                await socket.SendAsync(KeepAlive, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task DrainAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, closed.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closed or aborted.
        }

        await closed.CancelAsync().ConfigureAwait(false);
    }
}
