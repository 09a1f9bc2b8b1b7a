using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CoachBot.Channels.DirectLine;

/// <summary>POST conversations (start) and GET conversations/{id} (reconnect).</summary>
internal static class DirectLineConversationHandlers
{
    public static async Task<IResult> StartAsync(
        HttpContext context,
        DirectLineTokenService tokens,
        DirectLineConversationStore store,
        DirectLineChannel channel,
        DirectLineServiceUrls urls,
        IOptions<DirectLineOptions> options)
    {
        var caller = DirectLineCaller.Authenticate(context, tokens, null, secretOnly: false, out var error);
        if (caller is null)
        {
            return error!;
        }

        var (body, bodyError) = await DirectLineHttp.ReadJsonAsync<DirectLineTokenParameters>(context.Request, 16 * 1024, optional: true, context.RequestAborted).ConfigureAwait(false);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var bodyUser = body?.User?.Id;
        if (bodyUser is not null && !DirectLineHttp.IsValidUserId(bodyUser))
        {
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "BadArgument", "user.id must be 1-128 characters without control characters.");
        }

        if (urls.For(context) is not { } serviceUrl)
        {
            return DirectLineServiceUrls.Unavailable();
        }

        var conversationId = caller.ConversationId ?? DirectLineConversationStore.NewConversationId();
        var userId = caller.UserId ?? bodyUser;
        DirectLineConversation conversation;
        bool created;
        try
        {
            conversation = store.GetOrCreate(conversationId, userId, out created);
        }
        catch (DirectLineStoreFullException ex)
        {
            context.Response.Headers.RetryAfter = "60";
            return DirectLineHttp.Error(StatusCodes.Status429TooManyRequests, "Throttled", ex.Message);
        }

        var lifetime = options.Value.TokenLifetime;
        var token = caller.IsSecret
            ? tokens.Issue(DirectLineTokenKind.Conversation, conversationId, userId, lifetime)
            : caller.RawCredential;
        var expiresIn = caller.IsSecret ? (int)lifetime.TotalSeconds : tokens.SecondsLeft(caller.Token!);
        if (created)
        {
            await channel.AnnounceStartAsync(conversation, serviceUrl, body?.User?.Name, body?.Locale, context.RequestAborted).ConfigureAwait(false);
        }

        var response = new DirectLineConversationResponse(conversationId, token, expiresIn, StreamUrl(context, tokens, options.Value, conversationId, null));
        return DirectLineHttp.Json(response, created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    public static IResult Reconnect(string conversationId, HttpContext context, DirectLineTokenService tokens, DirectLineConversationStore store, IOptions<DirectLineOptions> options)
    {
        var caller = DirectLineCaller.AuthenticateFor(context, tokens, store, conversationId, out var conversation, out var error);
        if (caller is null || conversation is null)
        {
            return error!;
        }

        if (!DirectLineHttp.TryParseWatermark(context.Request.Query["watermark"], conversation.Watermark, out var watermark, out var watermarkError))
        {
            return watermarkError!;
        }

        var lifetime = options.Value.TokenLifetime;
        var token = caller.IsSecret
            ? tokens.Issue(DirectLineTokenKind.Conversation, conversationId, conversation.UserId, lifetime)
            : caller.RawCredential;
        var expiresIn = caller.IsSecret ? (int)lifetime.TotalSeconds : tokens.SecondsLeft(caller.Token!);
        return DirectLineHttp.Json(new DirectLineConversationResponse(conversationId, token, expiresIn, StreamUrl(context, tokens, options.Value, conversationId, watermark)));
    }

    private static string StreamUrl(HttpContext context, DirectLineTokenService tokens, DirectLineOptions options, string conversationId, long? watermark)
    {
        var request = context.Request;
        var scheme = request.IsHttps ? "wss" : "ws";
        var streamToken = tokens.Issue(DirectLineTokenKind.Stream, conversationId, null, options.StreamUrlLifetime);
        var url = $"{scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}{DirectLineEndpoints.BasePath}/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(streamToken)}";
        return watermark is > 0 ? url + "&watermark=" + watermark.Value.ToString(CultureInfo.InvariantCulture) : url;
    }
}
