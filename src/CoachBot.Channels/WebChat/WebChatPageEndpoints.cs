using System.Buffers.Text;
using System.Security.Cryptography;
using CoachBot.Channels.DirectLine;
using CoachBot.Protocol.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CoachBot.Channels.WebChat;

/// <summary>Maps the patient page at <c>/</c>, its files under <c>/webchat/</c> and the page's token endpoint.</summary>
public static class WebChatPageEndpoints
{
    /// <summary>Where the page gets its Direct Line token (the secret never reaches the browser).</summary>
    public const string TokenPath = "/api/webchat/token";

    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "connect-src 'self' ws: wss:; font-src 'self' data:; media-src 'self' blob: data:; "
        + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>
    /// Maps <c>GET /</c> (the page), <c>GET /webchat/{**path}</c> (its CSS, script and the Web Chat bundle) and
    /// <c>POST /api/webchat/token</c>, which creates a user id <c>dl_&lt;random&gt;</c> and a token bound to a
    /// new conversation and that user. Requires <see cref="DirectLineServiceCollectionExtensions.AddDirectLine"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapWebChatPage(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/", (HttpContext context) => Serve(context, "index.html"));
        endpoints.MapGet("/webchat/{**path}", (string path, HttpContext context) => Serve(context, path));
        endpoints.MapPost(TokenPath, IssueToken);
        return endpoints;
    }

    private static IResult IssueToken(HttpContext context, DirectLineTokenService tokens, IOptions<DirectLineOptions> options)
    {
        var userId = "dl_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        var conversationId = DirectLineConversationStore.NewConversationId();
        var lifetime = options.Value.TokenLifetime;
        var token = tokens.Issue(DirectLineTokenKind.Conversation, conversationId, userId, lifetime);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(new WebChatTokenResponse(token, conversationId, userId, (int)lifetime.TotalSeconds), ProtocolJson.Options);
    }

    private static IResult Serve(HttpContext context, string path)
    {
        var asset = EmbeddedAssets.Find(path);
        if (asset is null)
        {
            return path == "lib/webchat.js"
                ? Results.Text("The Web Chat bundle is missing from this build: run scripts/fetch-webchat.sh and build again.", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable)
                : Results.NotFound();
        }

        var headers = context.Response.Headers;
        headers.ETag = asset.ETag;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = path == "index.html" ? "no-cache" : "public, max-age=3600";
        if (path == "index.html")
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers["Referrer-Policy"] = "no-referrer";
        }

        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Content, asset.ContentType);
    }
}
