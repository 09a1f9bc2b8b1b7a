namespace CoachBot.Protocol.Connector;

/// <summary>
/// Builds Bot Connector URLs from a <c>serviceUrl</c>: any path in the base is kept, a <c>/</c> is added
/// only when missing, and every id segment is URL-escaped (ids may contain <c>: | ; @ =</c>).
/// </summary>
public static class ConnectorUrls
{
    /// <summary><c>{serviceUrl}v3/conversations</c>.</summary>
    public static Uri Conversations(string serviceUrl) => new(Base(serviceUrl) + "v3/conversations", UriKind.Absolute);

    /// <summary><c>{serviceUrl}v3/conversations/{conversationId}/activities[/{replyToId}]</c>.</summary>
    public static Uri Activities(string serviceUrl, string conversationId, string? replyToId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var url = Base(serviceUrl) + "v3/conversations/" + Uri.EscapeDataString(conversationId) + "/activities";
        if (!string.IsNullOrEmpty(replyToId))
        {
            url += "/" + Uri.EscapeDataString(replyToId);
        }

        return new Uri(url, UriKind.Absolute);
    }

    private static string Base(string serviceUrl)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"serviceUrl '{serviceUrl}' is not an absolute http(s) URL.", nameof(serviceUrl));
        }

        return serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";
    }
}
