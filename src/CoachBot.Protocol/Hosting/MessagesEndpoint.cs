using System.Buffers;
using System.Text.Json;
using CoachBot.Protocol.Auth;
using CoachBot.Protocol.Diagnostics;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Protocol.Hosting;

/// <summary>
/// POST /api/messages: read and check the activity (400 with a JSON error for anything malformed, 413 when
/// too large), authenticate (401), run the turn, answer 200 or the invoke response (501 when the bot gave none).
/// </summary>
internal static class MessagesEndpoint
{
    public static async Task HandleAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<BotRuntimeOptions>>().Value;
        var request = http.Request;
        var cancellationToken = http.RequestAborted;

        if (request.ContentLength > options.MaxRequestBodyBytes)
        {
            await WriteErrorAsync(http, StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"The request body is larger than {options.MaxRequestBodyBytes} bytes.").ConfigureAwait(false);
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = options.MaxRequestBodyBytes;
        }

        Activity? activity;
        try
        {
            activity = await ReadActivityAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, "BadArgument", "The request body is not valid activity JSON: " + ex.Message).ConfigureAwait(false);
            return;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await WriteErrorAsync(http, StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"The request body is larger than {options.MaxRequestBodyBytes} bytes.").ConfigureAwait(false);
            return;
        }
        catch (BadHttpRequestException ex)
        {
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, "BadArgument", "The request body could not be read: " + ex.Message).ConfigureAwait(false);
            return;
        }

        var problem = ActivityValidator.Validate(activity);
        if (problem is not null)
        {
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, "BadArgument", problem).ConfigureAwait(false);
            return;
        }

        // callerId is never trusted from the wire (protocol brief 1.2); the authenticator may set it.
        activity!.CallerId = null;

        System.Security.Claims.ClaimsIdentity identity;
        try
        {
            var authenticator = services.GetRequiredService<IInboundAuthenticator>();
            identity = await authenticator.AuthenticateAsync(activity, request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null, cancellationToken).ConfigureAwait(false);
        }
        catch (UnauthorizedAccessException ex)
        {
            // Why a token failed goes to the log only: the answer would tell a forger which check to beat next.
            Logger(services).LogWarning("Inbound authentication refused for a {ChannelId} activity: {Reason}", LogText.Clean(activity.ChannelId), ex.Message);
            await WriteErrorAsync(http, StatusCodes.Status401Unauthorized, "Unauthorized", "Authorization has been denied for this request.").ConfigureAwait(false);
            return;
        }

        if (activity.IsSynthesizedEvent())
        {
            // Only the runtime makes these events (a proactive check-in); a channel never sends them.
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, "BadArgument", "This event name is reserved for the bot itself.").ConfigureAwait(false);
            return;
        }

        var processor = services.GetRequiredService<IActivityProcessor>();
        InvokeResponse? invokeResponse;
        try
        {
            invokeResponse = await processor.ProcessActivityAsync(activity, identity, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return; // the caller went away
        }
#pragma warning disable CA1031 // Report a JSON error instead of an HTML 500 page.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Logger(services).LogError(ex, "Processing activity {Id} failed outside the turn error handler.", LogText.Clean(activity.Id));
            await WriteErrorAsync(http, StatusCodes.Status500InternalServerError, "InternalError", "The bot could not process the activity.").ConfigureAwait(false);
            return;
        }

        if (!activity.IsInvoke())
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        if (invokeResponse is null)
        {
            http.Response.StatusCode = StatusCodes.Status501NotImplemented;
            return;
        }

        http.Response.StatusCode = invokeResponse.Status;
        if (invokeResponse.Body is { } body)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(http.Response.Body, body, body.GetType(), ProtocolJson.Options, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads the whole body (Kestrel enforces the size limit while reading), then parses it in one synchronous pass:
    /// cheaper than streaming deserialisation for bodies this small. A UTF-8 byte order mark is skipped, as the
    /// stream reader did; anything after the activity object is an error.
    /// </summary>
    private static async ValueTask<Activity?> ReadActivityAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (result.IsCompleted || result.IsCanceled)
            {
                try
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    return Parse(result.Buffer);
                }
                finally
                {
                    reader.AdvanceTo(result.Buffer.End);
                }
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    private static Activity? Parse(ReadOnlySequence<byte> body)
    {
        if (body.IsSingleSegment)
        {
            return JsonSerializer.Deserialize<Activity>(SkipByteOrderMark(body.FirstSpan), ProtocolJson.Options);
        }

        var rented = ArrayPool<byte>.Shared.Rent(checked((int)body.Length));
        try
        {
            body.CopyTo(rented);
            return JsonSerializer.Deserialize<Activity>(SkipByteOrderMark(rented.AsSpan(0, (int)body.Length)), ProtocolJson.Options);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static ILogger Logger(IServiceProvider services) =>
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MessagesEndpoint));

    private static ReadOnlySpan<byte> SkipByteOrderMark(ReadOnlySpan<byte> json) =>
        json.StartsWith("\uFEFF"u8) ? json[3..] : json;

    private static Task WriteErrorAsync(HttpContext http, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(http.Response.Body, new ErrorResponse(code, message), ProtocolJson.Options, http.RequestAborted);
    }
}
