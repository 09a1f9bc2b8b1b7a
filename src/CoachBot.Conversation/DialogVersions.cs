using System.Security.Cryptography;
using System.Text;

namespace CoachBot.Conversation;

/// <summary>Helpers for compact, stable dialog version strings.</summary>
internal static class DialogVersions
{
    /// <summary>A short stable hash of a (possibly long) version description.</summary>
    public static string Hash(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }
}
