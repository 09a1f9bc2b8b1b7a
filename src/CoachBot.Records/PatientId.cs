using System.Security.Cryptography;
using System.Text;

namespace CoachBot.Records;

/// <summary>
/// Builds a patient id from a channel and the channel's user id: <c>{channel}-{user}</c> with anything outside
/// letters, digits, dot, dash and underscore replaced, plus a short hash when something was replaced so that
/// different user ids never share a patient id.
/// </summary>
public static class PatientId
{
    /// <summary>The patient id for a user on a channel.</summary>
    public static string From(string channelId, string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var raw = channelId + "-" + userId;
        var safe = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        var text = safe.ToString();
        if (string.Equals(text, raw, StringComparison.Ordinal) && text.Length <= 120)
        {
            return text;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)).AsSpan(0, 6));
        return (text.Length > 100 ? text[..100] : text) + "~" + hash;
    }
}
