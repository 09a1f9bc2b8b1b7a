using CoachBot.Protocol.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CoachBot.Channels.DirectLine;

/// <summary>POST and GET conversations/{id}/activities, the hot path of a polling or posting client.</summary>
internal static class DirectLineActivityHandlers
{
    public static async Task<IResult> PostAsync(
        string conversationId,
        HttpContext context,
        DirectLineTokenService tokens,
        DirectLineConversationStore store,
        DirectLineChannel channel,
        DirectLineServiceUrls urls,
        IOptions<DirectLineOptions> options)
    {
        var caller = DirectLineCaller.AuthenticateFor(context, tokens, store, conversationId, out var conversation, out var error);
        if (caller is null || conversation is null)
        {
            return error!;
        }

        var (activity, bodyError) = await DirectLineHttp.ReadJsonAsync<Activity>(context.Request, options.Value.MaxActivityBytes, optional: false, context.RequestAborted).ConfigureAwait(false);
        if (bodyError is not null)
        {
            return bodyError;
        }

        if (string.IsNullOrEmpty(activity!.Type))
        {
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "BadArgument", "The activity needs a type.");
        }

        if (activity.IsSynthesizedEvent())
        {
            // The event that starts a proactive check-in is made by the bot's scheduler, never by a client.
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "BadArgument", "This event name is reserved for the bot itself.");
        }

        // One conversation speaks for one patient. A token that names a user is the proof: its user is the sender
        // whatever from.id says (as Direct Line does; Web Chat writes its own random id there). Without one, the first
        // user seen is pinned and a post as anyone else is refused.
        var fromId = activity.From?.Id;
        var userId = caller.UserId ?? conversation.UserId ?? fromId;
        if (caller.UserId is null && !string.IsNullOrEmpty(fromId) && !string.Equals(fromId, userId, StringComparison.Ordinal))
        {
            return DirectLineHttp.Error(StatusCodes.Status403Forbidden, "Forbidden", "from.id is not this conversation's user.");
        }

        if (!DirectLineHttp.IsValidUserId(userId))
        {
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "BadArgument", "from.id is required (1-128 characters) when the token names no user.");
        }

        if (!conversation.PinUser(userId!))
        {
            return DirectLineHttp.Error(StatusCodes.Status403Forbidden, "Forbidden", "This conversation belongs to another user.");
        }

        if (urls.For(context) is not { } serviceUrl)
        {
            return DirectLineServiceUrls.Unavailable();
        }

        try
        {
            var id = await channel.PostFromClientAsync(conversation, activity, userId!, serviceUrl, context.RequestAborted).ConfigureAwait(false);
            return DirectLineHttp.Json(new ResourceResponse(id));
        }
        catch (DirectLineBotException ex)
        {
            return DirectLineHttp.Error(StatusCodes.Status502BadGateway, "BotError", ex.Message);
        }
    }

    public static IResult Get(string conversationId, HttpContext context, DirectLineTokenService tokens, DirectLineConversationStore store)
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

        return Results.Bytes(conversation.ReadFrom(watermark), "application/json; charset=utf-8");
    }

    public static IResult Upload(string conversationId, HttpContext context, DirectLineTokenService tokens)
    {
        var caller = DirectLineCaller.Authenticate(context, tokens, conversationId, secretOnly: false, out var error);
        return caller is null
            ? error!
            : DirectLineHttp.Error(StatusCodes.Status501NotImplemented, "NotImplemented", "File upload is not supported by this bot.");
    }
}
