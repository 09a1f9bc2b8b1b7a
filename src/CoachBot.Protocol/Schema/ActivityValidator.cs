namespace CoachBot.Protocol.Schema;

/// <summary>Checks that an inbound activity carries the fields every channel must send (protocol brief 1.2).</summary>
public static class ActivityValidator
{
    /// <summary>Returns null when the activity is acceptable, else a message naming the problem.</summary>
    public static string? Validate(Activity? activity)
    {
        if (activity is null)
        {
            return "The request body must be one activity JSON object.";
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "The activity is missing 'type'.";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "The activity is missing 'conversation.id'.";
        }

        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            return "The activity is missing 'channelId'.";
        }

        if (string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            return "The activity is missing 'serviceUrl'.";
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "The activity's 'serviceUrl' must be an absolute http(s) URL.";
        }

        return null;
    }
}
