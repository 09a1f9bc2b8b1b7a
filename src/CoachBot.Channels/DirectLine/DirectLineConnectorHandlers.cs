using CoachBot.Protocol.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CoachBot.Channels.DirectLine;

/// <summary>
/// The bot's side: <c>POST /v3/conversations/{id}/activities[/{replyToId}]</c>. Only the internal credential this
/// host issues (see <see cref="DirectLineConnectorTokenProvider"/>) is accepted; everything else gets 401.
/// </summary>
internal static class DirectLineConnectorHandlers
{
    public static Task<IResult> SendAsync(string conversationId, HttpContext context, DirectLineTokenService tokens, DirectLineConversationStore store, DirectLineChannel channel, IOptions<DirectLineOptions> options) =>
        AcceptAsync(conversationId, null, context, tokens, store, channel, options.Value);

    public static Task<IResult> ReplyAsync(string conversationId, string activityId, HttpContext context, DirectLineTokenService tokens, DirectLineConversationStore store, DirectLineChannel channel, IOptions<DirectLineOptions> options) =>
        AcceptAsync(conversationId, activityId, context, tokens, store, channel, options.Value);

    private static async Task<IResult> AcceptAsync(string conversationId, string? replyToId, HttpContext context, DirectLineTokenService tokens, DirectLineConversationStore store, DirectLineChannel channel, DirectLineOptions options)
    {
        if (!IsBot(context, tokens))
        {
            return DirectLineHttp.Error(StatusCodes.Status401Unauthorized, "Unauthorized", "Authorization has been denied for this request.");
        }

        var conversation = store.Find(conversationId);
        if (conversation is null)
        {
            return DirectLineHttp.ConversationNotFound();
        }

        var (activity, bodyError) = await DirectLineHttp.ReadJsonAsync<Activity>(context.Request, options.MaxActivityBytes, optional: false, context.RequestAborted).ConfigureAwait(false);
        if (bodyError is not null)
        {
            return bodyError;
        }

        if (string.IsNullOrEmpty(activity!.Type))
        {
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "BadArgument", "The activity needs a type.");
        }

        var id = channel.PostFromBot(conversation, activity, replyToId);
        return DirectLineHttp.Json(new ResourceResponse(id));
    }

    private static bool IsBot(HttpContext context, DirectLineTokenService tokens)
    {
        string? header = context.Request.Headers.Authorization;
        return header is not null
            && header.StartsWith("Bearer ", StringComparison.Ordinal)
            && tokens.TryRead(header[7..].Trim(), out var token)
            && token!.Kind == DirectLineTokenKind.Bot
            && !tokens.IsExpired(token);
    }
}
