using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CoachBot.Channels.DirectLine;

/// <summary>POST tokens/generate (secret) and tokens/refresh (token).</summary>
internal static class DirectLineTokenHandlers
{
    public static async Task<IResult> GenerateAsync(HttpContext context, DirectLineTokenService tokens, IOptions<DirectLineOptions> options)
    {
        if (DirectLineCaller.Authenticate(context, tokens, null, secretOnly: true, out var error) is null)
        {
            return error!;
        }

        var (body, bodyError) = await DirectLineHttp.ReadJsonAsync<DirectLineTokenParameters>(context.Request, 16 * 1024, optional: true, context.RequestAborted).ConfigureAwait(false);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var userId = body?.User?.Id;
        if (userId is not null && !DirectLineHttp.IsValidUserId(userId))
        {
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "BadArgument", "user.id must be 1-128 characters without control characters.");
        }

        var conversationId = DirectLineConversationStore.NewConversationId();
        var lifetime = options.Value.TokenLifetime;
        var token = tokens.Issue(DirectLineTokenKind.Conversation, conversationId, userId, lifetime);
        return DirectLineHttp.Json(new DirectLineTokenResponse(conversationId, token, (int)lifetime.TotalSeconds));
    }

    public static IResult Refresh(HttpContext context, DirectLineTokenService tokens, IOptions<DirectLineOptions> options)
    {
        var caller = DirectLineCaller.Authenticate(context, tokens, null, secretOnly: false, out var error);
        if (caller is null)
        {
            return error!;
        }

        if (caller.IsSecret)
        {
            return DirectLineHttp.Error(StatusCodes.Status403Forbidden, "Forbidden", "Only a token can be refreshed.");
        }

        var lifetime = options.Value.TokenLifetime;
        var token = tokens.Issue(DirectLineTokenKind.Conversation, caller.ConversationId, caller.UserId, lifetime);
        return DirectLineHttp.Json(new DirectLineTokenResponse(caller.ConversationId!, token, (int)lifetime.TotalSeconds));
    }
}
