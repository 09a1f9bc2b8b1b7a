using System.Text;

namespace CoachBot.Storage.AzureBlob;

/// <summary>
/// Maps storage keys to blob names and back. Every UTF-8 byte outside <c>[A-Za-z0-9-_~]</c> becomes
/// <c>%XX</c>, so '/', '.', ':', '|', ';', '@', '=', spaces and non-ASCII keys give flat, valid blob
/// names with no virtual folders and no dot segments, and the encoding of a prefix is a prefix of the
/// encoding of every key that starts with it (so List Blobs can filter by prefix).
/// </summary>
internal static class BlobNames
{
    /// <summary>The service's limit on a blob name.</summary>
    public const int MaxLength = 1024;

    public static string Encode(string key)
    {
        var bytes = Encoding.UTF8.GetBytes(key);
        var builder = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
                or (byte)'-' or (byte)'_' or (byte)'~')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>Encodes a key to be written, rejecting keys the service cannot hold.</summary>
    public static string EncodeForWrite(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("Storage keys must be non-empty strings.", nameof(key));
        }

        var name = Encode(key);
        if (name.Length > MaxLength)
        {
            throw new ArgumentException(
                $"The key '{key[..Math.Min(key.Length, 60)]}…' is too long for Azure Blob storage: its blob name has {name.Length} characters and the limit is {MaxLength}.",
                nameof(key));
        }

        return name;
    }

    public static string Decode(string name) => Uri.UnescapeDataString(name);
}
