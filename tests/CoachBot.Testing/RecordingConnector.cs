using System.Net;
using System.Text.Json;
using CoachBot.Protocol.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.Testing;

/// <summary>
/// A local stand-in for the Bot Connector service on 127.0.0.1 (random port): receives the bot's
/// replies over real HTTP and records them. Responses can be scripted (429 with Retry-After, 500 after
/// accepting...). Every request is recorded, whatever the scripted answer.
/// </summary>
public sealed class RecordingConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<ReceivedRequest> _received = [];
    private readonly Queue<ScriptedResponse> _responses = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private int _nextId;

    private RecordingConnector(WebApplication app, string basePath)
    {
        _app = app;
        BasePath = basePath;
    }

    /// <summary>The path part of <see cref="ServiceUrl"/> (to test that base paths are kept).</summary>
    public string BasePath { get; }

    /// <summary>The serviceUrl to put on inbound activities.</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<ReceivedRequest> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Received message activities (typing excluded).</summary>
    public IReadOnlyList<Activity> Messages => Received.Where(r => r.Activity is { } a && !string.Equals(a.Type, ActivityTypes.Typing, StringComparison.Ordinal)).Select(r => r.Activity!).ToList();

    /// <summary>Starts the stand-in; <paramref name="basePath"/> like <c>/amer/tenant-1/</c> becomes part of the serviceUrl.</summary>
    public static async Task<RecordingConnector> StartAsync(string basePath = "/", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(basePath);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var connector = new RecordingConnector(app, basePath.EndsWith('/') ? basePath : basePath + "/");
        app.Run(connector.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = address.TrimEnd('/') + connector.BasePath;
        return connector;
    }

    /// <summary>Answers the next request with this status (after recording it), then falls back to 200.</summary>
    /// <param name="status">The status.</param>
    /// <param name="body">A JSON body, if any.</param>
    /// <param name="retryAfter">A Retry-After header, if any.</param>
    /// <param name="location">A Location header (a redirect's target), if any.</param>
    public void EnqueueResponse(HttpStatusCode status, string? body = null, TimeSpan? retryAfter = null, string? location = null)
    {
        lock (_gate)
        {
            _responses.Enqueue(new ScriptedResponse(status, body, retryAfter, location));
        }
    }

    /// <summary>Completes when at least <paramref name="count"/> requests have been received.</summary>
    public Task WaitForRequestsAsync(int count, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_received.Count >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task.WaitAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? string.Empty;
        var raw = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? path;
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
        Activity? activity = null;
        ConversationParameters? parameters = null;
        var relative = path.StartsWith(BasePath, StringComparison.Ordinal) ? path[BasePath.Length..] : null;
        var segments = relative?.Split('/') ?? [];
        if (segments is ["v3", "conversations"])
        {
            parameters = JsonSerializer.Deserialize<ConversationParameters>(body, ProtocolJson.Options);
        }
        else if (segments is ["v3", "conversations", _, "activities", ..])
        {
            activity = JsonSerializer.Deserialize<Activity>(body, ProtocolJson.Options);
        }

        var request = new ReceivedRequest(
            http.Request.Method,
            path,
            raw,
            segments.Length > 2 && segments[1] == "conversations" ? Uri.UnescapeDataString(segments[2]) : null,
            segments.Length > 4 ? Uri.UnescapeDataString(segments[4]) : null,
            http.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            activity,
            parameters,
            body)
        {
            AcceptEncoding = http.Request.Headers.AcceptEncoding.ToString() is { Length: > 0 } encoding ? encoding : null,
        };

        ScriptedResponse? scripted;
        List<TaskCompletionSource>? release = null;
        string id;
        lock (_gate)
        {
            _received.Add(request);
            scripted = _responses.TryDequeue(out var next) ? next : null;
            id = "srv-" + (++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Count <= _received.Count)
                {
                    (release ??= []).Add(_waiters[i].Signal);
                    _waiters.RemoveAt(i);
                }
            }
        }

        release?.ForEach(s => s.TrySetResult());
        if (relative is null || segments.Length < 2)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (scripted is { } s)
        {
            http.Response.StatusCode = (int)s.Status;
            if (s.RetryAfter is { } retryAfter)
            {
                http.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (s.Location is not null)
            {
                http.Response.Headers.Location = s.Location;
            }

            if (s.Body is not null)
            {
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync(s.Body).ConfigureAwait(false);
            }

            return;
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        if (parameters is not null)
        {
            await http.Response.WriteAsJsonAsync(new ConversationResourceResponse { Id = "conv-" + id, ActivityId = id, ServiceUrl = ServiceUrl }, ProtocolJson.Options).ConfigureAwait(false);
        }
        else
        {
            await http.Response.WriteAsJsonAsync(new ResourceResponse(id), ProtocolJson.Options).ConfigureAwait(false);
        }
    }

    private sealed record ScriptedResponse(HttpStatusCode Status, string? Body, TimeSpan? RetryAfter, string? Location);
}

/// <summary>A request the <see cref="RecordingConnector"/> received.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Decoded request path.</param>
/// <param name="RawTarget">The request target exactly as sent (escapes kept).</param>
/// <param name="ConversationId">The unescaped conversation id segment, when present.</param>
/// <param name="ReplyToId">The unescaped activity id segment of a reply, when present.</param>
/// <param name="Authorization">The Authorization header, when present.</param>
/// <param name="Activity">The posted activity, for activity calls.</param>
/// <param name="Parameters">The posted parameters, for create-conversation calls.</param>
/// <param name="Body">The raw body.</param>
public sealed record ReceivedRequest(string Method, string Path, string RawTarget, string? ConversationId, string? ReplyToId, string? Authorization, Activity? Activity, ConversationParameters? Parameters, string Body)
{
    /// <summary>The Accept-Encoding header, when present.</summary>
    public string? AcceptEncoding { get; init; }
}
