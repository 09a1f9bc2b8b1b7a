using Microsoft.AspNetCore.Http;

namespace CoachBot.Channels.DirectLine;

/// <summary>
/// CORS for the client routes: any origin (callers authenticate with a bearer secret or token, never
/// cookies), and the headers DirectLineJS sends.
/// </summary>
internal static class DirectLineCors
{
    public const string AllowedHeaders = "Authorization, Content-Type, Accept, x-ms-bot-agent";

    public static ValueTask<object?> AddHeadersAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.AccessControlAllowOrigin = "*";
        headers.AccessControlAllowHeaders = AllowedHeaders;
        headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
        headers.AccessControlMaxAge = "600";
        return next(context);
    }

    public static IResult Preflight() => Results.NoContent();
}
