using System.Text.Json;
using System.Text.RegularExpressions;
using CoachBot.Protocol.Schema;

namespace CoachBot.Channels.Teams;

/// <summary>Teams helpers on activities: mention stripping and tenant id.</summary>
public static partial class TeamsActivityExtensions
{
    /// <summary>Removes every <c>&lt;at&gt;…&lt;/at&gt;</c> mention from text and tidies the spaces left behind.</summary>
    public static string StripMentions(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var stripped = MentionPattern().Replace(text, " ");
        return Spaces().Replace(stripped, " ").Trim();
    }

    /// <summary>The activity's text without mentions (what the bot should interpret).</summary>
    public static string GetTextWithoutMentions(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return StripMentions(activity.Text);
    }

    /// <summary>The tenant id: <c>channelData.tenant.id</c>, else <c>conversation.tenantId</c>; null when neither.</summary>
    public static string? GetTenantId(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
            && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            && !string.IsNullOrEmpty(id.GetString()))
        {
            return id.GetString();
        }

        return string.IsNullOrEmpty(activity.Conversation?.TenantId) ? null : activity.Conversation.TenantId;
    }

    [GeneratedRegex(@"<at(\s[^>]*)?>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"\s{2,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Spaces();
}
