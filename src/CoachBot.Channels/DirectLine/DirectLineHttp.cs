using System.Text.Json;
using CoachBot.Protocol.Schema;
using Microsoft.AspNetCore.Http;

namespace CoachBot.Channels.DirectLine;

/// <summary>Small HTTP helpers shared by the Direct Line routes: error answers and bounded JSON bodies.</summary>
internal static class DirectLineHttp
{
    public static IResult Error(int status, string code, string message) =>
        Results.Json(new DirectLineErrorBody(new DirectLineErrorDetail(code, message)), ProtocolJson.Options, statusCode: status);

    /// <summary>404 for a conversation that never existed or has expired.</summary>
    public static IResult ConversationNotFound() =>
        Error(StatusCodes.Status404NotFound, "ConversationNotFound", "The conversation does not exist or has expired.");

    public static IResult Json<T>(T value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, ProtocolJson.Options, statusCode: status);

    /// <summary>
    /// Reads a JSON body of at most <paramref name="maxBytes"/>. An empty body gives <c>default</c> when
    /// <paramref name="optional"/>; otherwise the caller gets an error result naming the problem.
    /// </summary>
    public static async Task<(T? Value, IResult? Error)> ReadJsonAsync<T>(HttpRequest request, int maxBytes, bool optional, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"The body is larger than {maxBytes} bytes."));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"The body is larger than {maxBytes} bytes."));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return optional ? (null, null) : (null, Error(StatusCodes.Status400BadRequest, "BadArgument", "A JSON body is required."));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), ProtocolJson.Options);
            return value is null && !optional
                ? (null, Error(StatusCodes.Status400BadRequest, "BadArgument", "A JSON object is required."))
                : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Error(StatusCodes.Status400BadRequest, "BadArgument", $"The body is not valid JSON for this request: {ex.Message}"));
        }
    }

    /// <summary>Parses a watermark: missing or empty is 0; it must be a number not beyond <paramref name="current"/>.</summary>
    public static bool TryParseWatermark(string? text, long current, out long watermark, out IResult? error)
    {
        error = null;
        watermark = 0;
        if (string.IsNullOrEmpty(text) || text == "null")
        {
            return true;
        }

        if (!long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out watermark))
        {
            error = Error(StatusCodes.Status400BadRequest, "BadArgument", "The watermark is not one this server issued.");
            return false;
        }

        if (watermark > current)
        {
            error = Error(StatusCodes.Status400BadRequest, "BadArgument", "The watermark is ahead of the conversation.");
            return false;
        }

        return true;
    }

    /// <summary>Accepts user ids a browser may name: 1-128 characters, no control characters.</summary>
    public static bool IsValidUserId(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 128 && !id.Any(char.IsControl);
}
