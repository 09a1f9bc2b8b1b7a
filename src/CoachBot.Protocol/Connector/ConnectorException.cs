using System.Net;

namespace CoachBot.Protocol.Connector;

/// <summary>
/// A connector call failed. Carries the HTTP status, the channel's error code (documented
/// <c>error.code</c>, Teams' <c>errorCode</c>/<c>subCode</c>) and whether the message may still have
/// been delivered (5xx or timeout after the request went out: never retried, to avoid duplicates).
/// </summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException()
        : this("The connector call failed.")
    {
    }

    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status, or null when no response arrived (timeout, network).</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>The channel's error code, e.g. <c>BotNotInConversationRoster</c> or <c>209</c>.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Teams' <c>subCode</c> (e.g. <c>MessageWritesBlocked</c>), when present.</summary>
    public string? SubCode { get; init; }

    /// <summary>The channel's error message (not stable; for logs).</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The <c>X-Correlating-OperationId</c> response header, for support cases.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>True when the channel may have accepted the activity although the call failed.</summary>
    public bool MayHaveBeenDelivered { get; init; }
}
