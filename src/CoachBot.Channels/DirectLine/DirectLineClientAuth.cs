using Microsoft.AspNetCore.Http;

namespace CoachBot.Channels.DirectLine;

/// <summary>Who called a client route: the secret holder, or a token for one conversation.</summary>
internal sealed record DirectLineCaller(bool IsSecret, DirectLineToken? Token, string RawCredential)
{
    public string? ConversationId => Token?.ConversationId;

    public string? UserId => Token?.UserId;

    /// <summary>
    /// Authenticates a caller of one conversation's route (as <see cref="Authenticate"/>) and finds the conversation:
    /// the caller, or null with the 401/403 or the 404 answer in <paramref name="error"/>.
    /// </summary>
    public static DirectLineCaller? AuthenticateFor(
        HttpContext context, DirectLineTokenService tokens, DirectLineConversationStore store, string conversationId, out DirectLineConversation? conversation, out IResult? error)
    {
        conversation = null;
        var caller = Authenticate(context, tokens, conversationId, secretOnly: false, out error);
        if (caller is null)
        {
            return null;
        }

        conversation = store.Find(conversationId);
        if (conversation is null)
        {
            error = DirectLineHttp.ConversationNotFound();
            return null;
        }

        return caller;
    }

    /// <summary>
    /// Reads <c>Authorization: Bearer {secret or token}</c>. Missing or malformed header: 401. A bad, expired
    /// or wrong-kind token: 403. A token for a different conversation than <paramref name="conversationId"/>: 403.
    /// </summary>
    public static DirectLineCaller? Authenticate(HttpContext context, DirectLineTokenService tokens, string? conversationId, bool secretOnly, out IResult? error)
    {
        error = null;
        string? header = context.Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.Ordinal) || header.Length <= 7)
        {
            error = DirectLineHttp.Error(StatusCodes.Status401Unauthorized, "Unauthorized", "Authorization: Bearer <secret or token> is required.");
            return null;
        }

        var credential = header[7..].Trim();
        if (tokens.IsSecret(credential))
        {
            return new DirectLineCaller(true, null, credential);
        }

        if (secretOnly)
        {
            error = DirectLineHttp.Error(StatusCodes.Status403Forbidden, "Forbidden", "This call needs the Direct Line secret.");
            return null;
        }

        if (!tokens.TryRead(credential, out var token) || token!.Kind != DirectLineTokenKind.Conversation || token.ConversationId is null)
        {
            error = DirectLineHttp.Error(StatusCodes.Status403Forbidden, "TokenInvalid", "The token is not valid.");
            return null;
        }

        if (tokens.IsExpired(token))
        {
            error = DirectLineHttp.Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired; get a new one.");
            return null;
        }

        if (conversationId is not null && !string.Equals(conversationId, token.ConversationId, StringComparison.Ordinal))
        {
            error = DirectLineHttp.Error(StatusCodes.Status403Forbidden, "Forbidden", "The token is not valid for this conversation.");
            return null;
        }

        return new DirectLineCaller(false, token, credential);
    }
}
