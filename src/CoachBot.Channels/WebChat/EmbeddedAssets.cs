using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CoachBot.Channels.WebChat;

/// <summary>The page's files, embedded in this assembly and read once.</summary>
internal static class EmbeddedAssets
{
    private const string Prefix = "CoachBot.Channels.wwwroot.";
    private static readonly ConcurrentDictionary<string, Asset?> Cache = new(StringComparer.Ordinal);

    /// <summary>The asset at a relative path such as <c>index.html</c> or <c>lib/webchat.js</c>, or null.</summary>
    public static Asset? Find(string path) => Cache.GetOrAdd(path, Load);

    private static Asset? Load(string path)
    {
        var type = ContentType(path);
        if (type is null || path.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        using var stream = typeof(EmbeddedAssets).Assembly.GetManifestResourceStream(Prefix + path.Replace('/', '.'));
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        var etag = "\"" + Convert.ToHexString(SHA256.HashData(bytes).AsSpan(0, 8)) + "\"";
        return new Asset(bytes, type, etag);
    }

    private static string? ContentType(string path) => Path.GetExtension(path) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        _ => null,
    };
}

/// <summary>An embedded file with its content type and ETag.</summary>
internal sealed record Asset(byte[] Content, string ContentType, string ETag);
