namespace CoachBot.Protocol.Schema;

/// <summary>The documented Bot Framework error body: <c>{ "error": { "code", "message" } }</c>.</summary>
public sealed class ErrorResponse
{
    public ErrorResponse()
    {
    }

    public ErrorResponse(string code, string message) => Error = new ErrorDetail { Code = code, Message = message };

    public ErrorDetail? Error { get; set; }
}

/// <summary>The inner object of <see cref="ErrorResponse"/>.</summary>
public sealed class ErrorDetail
{
    /// <summary>Stable error code, e.g. <c>BadArgument</c>.</summary>
    public string? Code { get; set; }

    /// <summary>Human-readable explanation (not stable; do not parse).</summary>
    public string? Message { get; set; }
}
