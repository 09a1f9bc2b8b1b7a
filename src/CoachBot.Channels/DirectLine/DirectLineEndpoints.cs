using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoachBot.Channels.DirectLine;

/// <summary>Maps the built-in Direct Line 3.0 endpoint.</summary>
public static class DirectLineEndpoints
{
    /// <summary>The client-side base path (Web Chat's <c>domain</c> is the origin plus this).</summary>
    public const string BasePath = "/v3/directline";

    /// <summary>
    /// Maps the client routes under <c>/v3/directline</c> (tokens, conversations, activities, stream). The bot's
    /// replies do not come over HTTP: <see cref="DirectLineReplyConnector"/> appends them in process. When given the
    /// application itself it also adds the WebSocket middleware the stream needs.
    /// Requires <see cref="DirectLineServiceCollectionExtensions.AddDirectLine"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints is IApplicationBuilder app)
        {
            app.UseWebSockets();
        }

        var client = endpoints.MapGroup(BasePath).AddEndpointFilter(DirectLineCors.AddHeadersAsync);
        client.MapMethods("/{**path}", [HttpMethods.Options], DirectLineCors.Preflight);
        client.MapPost("/tokens/generate", DirectLineTokenHandlers.GenerateAsync);
        client.MapPost("/tokens/refresh", DirectLineTokenHandlers.Refresh);
        client.MapPost("/conversations", DirectLineConversationHandlers.StartAsync);
        client.MapGet("/conversations/{conversationId}", DirectLineConversationHandlers.Reconnect);
        client.MapPost("/conversations/{conversationId}/activities", DirectLineActivityHandlers.PostAsync);
        client.MapGet("/conversations/{conversationId}/activities", DirectLineActivityHandlers.Get);
        client.MapPost("/conversations/{conversationId}/upload", DirectLineActivityHandlers.Upload);
        endpoints.MapGet(BasePath + "/conversations/{conversationId}/stream", DirectLineStreamHandler.HandleAsync);
        return endpoints;
    }
}
