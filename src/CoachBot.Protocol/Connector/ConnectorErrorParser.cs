using System.Net;
using System.Text.Json;

namespace CoachBot.Protocol.Connector;

/// <summary>
/// Reads connector error bodies leniently: the documented <c>{"error":{"code","message"}}</c>, the bare
/// <c>{"message"}</c> of a 401, Teams' <c>{"errorCode":209,"message":"{\"subCode\":...}"}</c> (JSON inside a
/// string) and plain text.
/// </summary>
internal static class ConnectorErrorParser
{
    private const int MaxMessageLength = 500;

    public static ConnectorException Create(string operation, HttpStatusCode status, string? body, string? correlationId, bool mayHaveBeenDelivered)
    {
        var (code, subCode, message) = Parse(body);
        var text = $"{operation} failed with HTTP {(int)status} {status}" + (code is null ? "" : $" ({code}{(subCode is null ? "" : "/" + subCode)})") + (message is null ? "." : $": {message}");
        return new ConnectorException(text)
        {
            StatusCode = status,
            ErrorCode = code,
            SubCode = subCode,
            ErrorMessage = message,
            CorrelationId = correlationId,
            MayHaveBeenDelivered = mayHaveBeenDelivered,
        };
    }

    public static (string? Code, string? SubCode, string? Message) Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null, Truncate(body));
            }

            string? code = null;
            string? subCode = null;
            string? message = null;
            if (root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.Object)
                {
                    code = ReadScalar(error, "code");
                    message = ReadScalar(error, "message");
                }
                else
                {
                    message = ReadScalar(root, "error");
                }
            }

            code ??= ReadScalar(root, "errorCode") ?? ReadScalar(root, "code");
            message ??= ReadScalar(root, "message") ?? ReadScalar(root, "Message");
            subCode = ReadScalar(root, "subCode") ?? ReadSubCodeInside(message);
            return (code, subCode, Truncate(message));
        }
        catch (JsonException)
        {
            return (null, null, Truncate(body));
        }
    }

    private static string? ReadSubCodeInside(string? message)
    {
        if (message is null || !message.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var inner = JsonDocument.Parse(message);
            return inner.RootElement.ValueKind == JsonValueKind.Object ? ReadScalar(inner.RootElement, "subCode") : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? ReadScalar(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static string? Truncate(string? text) =>
        text is null ? null : text.Length <= MaxMessageLength ? text : text[..MaxMessageLength];
}
